using ExchangeGateway.Core.Envelopes;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Host.Configuration;
using ExchangeGateway.Host.Tests.Support;
using ExchangeGateway.Testing.V1;
using Grpc.Core;

namespace ExchangeGateway.Host.Tests;

/// <summary>An administrator grants and revokes access, registers and takes out client certificates, and turns body
/// logging on, in a running gateway's settings file.</summary>
public sealed class ServiceCatalogTests
{
    private static readonly TimeSpan Wait = ServiceCatalog.Interval * 5;

    [Fact]
    public async Task GrantRevokedThenGivenBackInTheFile_TakesEffectWithoutARestart_AndABrokenFileChangesNothing()
    {
        using var logs = new RecordingLoggers();
        await using var federation = await TestFederation.StartAsync(
            loggers: logs.Factory(), providerSettingsFile: true);
        Assert.Equal("OK", await CallAsync(federation));

        federation.WriteProviderSettings(null);
        var revoked = await UntilAsync(federation, "ACCESS_DENIED");
        File.WriteAllText(Path.Combine(federation.Directory, "beta", "gateway.json"), "{ \"services\": [ ");
        await Eventually.TrueAsync(
            () => Logged(logs, "changed but is refused; the subsystems, services and grants in force stay: "),
            "the broken file is refused");
        var whileBroken = await CallAsync(federation);
        federation.WriteProviderSettings(["Say"]);
        var given = await UntilAsync(federation, "OK");

        Assert.Equal(("ACCESS_DENIED", "ACCESS_DENIED", "OK"), (revoked, whileBroken, given));
        Assert.Contains(logs.Lines, line => line.StartsWith("[beta-gw] Information ", StringComparison.Ordinal)
            && line.Contains("Subsystems, services and grants read again from ", StringComparison.Ordinal)
            && line.Contains(": 1 subsystem(s) with 0 client certificate(s), 1 service(s), 0 grant(s) naming 0 " +
                "method(s), a line a call off; other settings take effect when the gateway restarts",
                StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.Contains(", 1 service(s), 1 grant(s) naming 1 method(s), a line",
            StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.StartsWith("[beta-gw] Warning ", StringComparison.Ordinal)
            && line.Contains("gateway.json changed but is refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SettingReadAtStartOnlyEdited_IsNamedAsWaitingForARestart_AndAGrantEditAloneIsNot()
    {
        using var logs = new RecordingLoggers();
        await using var federation = await TestFederation.StartAsync(
            loggers: logs.Factory(), providerSettingsFile: true);
        var path = Path.Combine(federation.Directory, "beta", "gateway.json");
        const string Pending = "changed since the gateway started, and such settings are read at start only";

        federation.WriteProviderSettings(["Say", "Other"]);
        await Eventually.TrueAsync(() => Logged(logs, ", 1 grant(s) naming 2 method(s)"), "the grant edit is read");
        var afterGrantEdit = Logged(logs, Pending);
        var settings = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        settings["maxMessageBytes"] = 1024;
        settings["clockSkewSeconds"] = 60;
        File.WriteAllText(path, settings.ToJsonString());
        await Eventually.TrueAsync(() => Logged(logs, Pending), "the restart-only edit is named");

        Assert.False(afterGrantEdit);
        Assert.Contains(logs.Lines, line => line.StartsWith("[beta-gw] Warning ", StringComparison.Ordinal)
            && line.Contains($"gateway.json: clockSkewSeconds, maxMessageBytes {Pending}: it runs on with the values " +
                "it started with until it restarts", StringComparison.Ordinal));
        Assert.Equal("OK", await CallAsync(federation));
    }

    [Fact]
    public async Task GrantToAClientTheFederationDoesNotList_IsKept_AndSaid()
    {
        using var logs = new RecordingLoggers();
        await using var federation = await TestFederation.StartAsync(
            loggers: logs.Factory(), providerSettingsFile: true);
        var path = Path.Combine(federation.Directory, "beta", "gateway.json");
        var settings = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var grants = settings["services"]![0]!["grants"]!.AsArray();
        grants.Add(new System.Text.Json.Nodes.JsonObject { ["client"] = TestFederation.Alpha + "/callr" });
        grants.Add(new System.Text.Json.Nodes.JsonObject { ["client"] = "MD/GOV/1000000000009" });
        var listed = Logged(logs, "which the federation configuration does not list");

        File.WriteAllText(path, settings.ToJsonString());
        await Eventually.TrueAsync(() => Logged(logs, ", 3 grant(s) naming 1 method(s)"), "the grants are read");

        Assert.False(listed);
        Assert.Contains(logs.Lines, line => line.StartsWith("[beta-gw] Warning ", StringComparison.Ordinal)
            && line.Contains($"a grant on {TestFederation.EchoService} names subsystem {TestFederation.Alpha}/callr, " +
                "which the federation configuration does not list: it lets no one through until it is listed",
                StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.Contains(
            "names member MD/GOV/1000000000009, which the federation configuration does not list",
            StringComparison.Ordinal));
        Assert.Equal("OK", await CallAsync(federation));
    }

    [Fact]
    public async Task FileNamingAnotherMember_IsRefused_AndTheGrantsInForceStay()
    {
        using var logs = new RecordingLoggers();
        await using var federation = await TestFederation.StartAsync(
            loggers: logs.Factory(), providerSettingsFile: true);
        var path = Path.Combine(federation.Directory, "beta", "gateway.json");

        File.WriteAllText(path, File.ReadAllText(path).Replace(TestFederation.Beta, TestFederation.Alpha,
            StringComparison.Ordinal).Replace("\"Say\"", "\"Other\"", StringComparison.Ordinal));
        await Eventually.TrueAsync(
            () => Logged(logs, $"is not the member '{TestFederation.Beta}' this gateway runs for"),
            "the file naming another member is refused");

        Assert.Equal("OK", await CallAsync(federation));
    }

    [Fact]
    public async Task EditKeepingTheFilesSizeAndTime_IsSeenToo()
    {
        await using var federation = await TestFederation.StartAsync(providerSettingsFile: true);
        var path = Path.Combine(federation.Directory, "beta", "gateway.json");
        var written = File.GetLastWriteTimeUtc(path);
        var size = new FileInfo(path).Length;
        Assert.Equal("OK", await CallAsync(federation));

        // The grant's one method renamed to another of the same length, the file's time put back: only its content
        // tells the edit.
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"Say\"", "\"Saz\"", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, written);
        var revoked = await UntilAsync(federation, "ACCESS_DENIED");

        Assert.Equal((size, written), (new FileInfo(path).Length, File.GetLastWriteTimeUtc(path)));
        Assert.Equal("ACCESS_DENIED", revoked);
    }

    [Fact]
    public async Task ClientCertificateAddedThenTheFirstTakenOut_TakeEffectWithoutARestart_OnAnOpenConnectionToo()
    {
        using var logs = new RecordingLoggers();
        await using var federation = await TestFederation.StartAsync(
            loggers: logs.Factory(), consumerSettingsFile: true);
        var first = federation.Echo();
        var second = federation.Echo("gamma-client");
        var before = (await CallAsync(first), await CallAsync(second));

        federation.WriteConsumerSettings(["alpha-client", "gamma-client"]);
        var added = await UntilAsync(second, "OK");
        federation.WriteConsumerSettings(["gamma-client"]);
        var takenOut = await UntilAsync(first, "CLIENT_NOT_AUTHENTICATED");

        Assert.Equal(("OK", "CLIENT_NOT_AUTHENTICATED"), before);
        Assert.Equal(("OK", "CLIENT_NOT_AUTHENTICATED"), (added, takenOut));
        Assert.Equal("OK", await CallAsync(second));
        Assert.Contains(logs.Lines, line => line.StartsWith("[alpha-gw] Information ", StringComparison.Ordinal)
            && line.Contains(": 2 subsystem(s) with 2 client certificate(s), 0 service(s),", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SubsystemTheFederationDoesNotList_IsServedAndSaid()
    {
        using var logs = new RecordingLoggers();
        await using var federation = await TestFederation.StartAsync(
            loggers: logs.Factory(), consumerSettingsFile: true);
        var path = Path.Combine(federation.Directory, "alpha", "gateway.json");

        File.WriteAllText(path, File.ReadAllText(path).Replace("\"stranger\"", "\"newcomer\"",
            StringComparison.Ordinal));

        await Eventually.TrueAsync(
            () => Logged(logs, $"subsystem {TestFederation.Alpha}/newcomer is not listed in the federation"),
            "the unlisted subsystem is said");
        Assert.Equal("OK", await CallAsync(federation));
    }

    [Fact]
    public async Task BodyLoggingTurnedOnInTheFile_KeepsThePayloadsOfTheNextCalls()
    {
        await using var federation = await TestFederation.StartAsync(providerSettingsFile: true);
        var log = Path.Combine(federation.Directory, "beta", "messagelog.db");
        await CallAsync(federation);

        federation.WriteProviderSettings(["Say"], bodyLogging: true);
        var until = DateTime.UtcNow + Wait;
        var kept = false;
        while (!kept && DateTime.UtcNow < until)
        {
            Assert.Equal("OK", await CallAsync(federation));
            kept = SqliteMessageLog.ReadFile(log).Last(r => r.Record.Direction == EnvelopeKind.Request)
                .Record.Payload is not null;
        }

        Assert.True(kept, "no request's payload was kept after body logging was turned on");
        Assert.Null(SqliteMessageLog.ReadFile(log).First().Record.Payload);
    }

    /// <summary>The call's outcome: OK, or the gateway's reason.</summary>
    private static Task<string> CallAsync(TestFederation federation) => CallAsync(federation.Echo());

    /// <summary>The outcome of a call on <paramref name="client"/>: OK, or the gateway's reason.</summary>
    private static async Task<string> CallAsync(Echo.EchoClient client)
    {
        try
        {
            await client.SayAsync(new EchoRequest(), TestFederation.Headers()).ResponseAsync
                .WaitAsync(Errors.Timeout);
            return "OK";
        }
        catch (RpcException ex)
        {
            return Errors.Reason(ex) ?? ex.StatusCode.ToString();
        }
    }

    private static Task<string> UntilAsync(TestFederation federation, string outcome) =>
        UntilAsync(federation.Echo(), outcome);

    private static async Task<string> UntilAsync(Echo.EchoClient client, string outcome)
    {
        var until = DateTime.UtcNow + Wait;
        var last = await CallAsync(client);
        while (last != outcome && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
            last = await CallAsync(client);
        }

        return last;
    }

    private static bool Logged(RecordingLoggers logs, string text) =>
        logs.Lines.Any(line => line.Contains(text, StringComparison.Ordinal));
}
