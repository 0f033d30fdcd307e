using ExchangeGateway.Host.Provider;
using ExchangeGateway.Host.Tests.Support;
using ExchangeGateway.Testing.V1;
using Grpc.Core;

namespace ExchangeGateway.Host.Tests;

/// <summary>An administrator grants and revokes access in a running provider gateway's settings file.</summary>
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
            () => Logged(logs, "changed but is refused; the services and grants in force stay: "),
            "the broken file is refused");
        var whileBroken = await CallAsync(federation);
        federation.WriteProviderSettings(["Say"]);
        var given = await UntilAsync(federation, "OK");

        Assert.Equal(("ACCESS_DENIED", "ACCESS_DENIED", "OK"), (revoked, whileBroken, given));
        Assert.Contains(logs.Lines, line => line.StartsWith("[beta-gw] Information ", StringComparison.Ordinal)
            && line.Contains("Services and grants read again from ", StringComparison.Ordinal)
            && line.Contains(": 1 service(s), 0 grant(s) naming 0 method(s); other settings take effect when the " +
                "gateway restarts", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.Contains(": 1 service(s), 1 grant(s) naming 1 method(s);",
            StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.StartsWith("[beta-gw] Warning ", StringComparison.Ordinal)
            && line.Contains("gateway.json changed but is refused", StringComparison.Ordinal));
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

    /// <summary>The call's outcome: OK, or the gateway's reason.</summary>
    private static async Task<string> CallAsync(TestFederation federation)
    {
        try
        {
            await federation.Echo().SayAsync(new EchoRequest(), TestFederation.Headers()).ResponseAsync
                .WaitAsync(Errors.Timeout);
            return "OK";
        }
        catch (RpcException ex)
        {
            return Errors.Reason(ex) ?? ex.StatusCode.ToString();
        }
    }

    private static async Task<string> UntilAsync(TestFederation federation, string outcome)
    {
        var until = DateTime.UtcNow + Wait;
        var last = await CallAsync(federation);
        while (last != outcome && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
            last = await CallAsync(federation);
        }

        return last;
    }

    private static bool Logged(RecordingLoggers logs, string text) =>
        logs.Lines.Any(line => line.Contains(text, StringComparison.Ordinal));
}
