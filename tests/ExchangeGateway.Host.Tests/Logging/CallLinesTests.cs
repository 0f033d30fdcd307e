using ExchangeGateway.Host.Tests.Support;
using ExchangeGateway.Testing.V1;
using Google.Protobuf;
using Grpc.Core;

namespace ExchangeGateway.Host.Tests.Logging;

/// <summary>A line per completed call in the diagnostic log only when asked (<c>logCalls</c>); refusals always.
/// </summary>
public sealed class CallLinesTests
{
    [Fact]
    public async Task ByDefault_ACompletedCallWritesNoLine_ButARefusalDoes()
    {
        using var logs = new RecordingLoggers();
        await using var federation = await TestFederation.StartAsync(loggers: logs.Factory());
        var id = "quiet-" + Guid.NewGuid().ToString("N");

        await CallAsync(federation, id);
        var refused = await Assert.ThrowsAsync<RpcException>(() => CallAsync(federation, id));

        Assert.Equal("DUPLICATE_MESSAGE", Errors.Reason(refused));
        Assert.DoesNotContain(logs.Lines, line => line.Contains($"Exchange consumer {id}", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains($"Exchange provider {id}", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.Contains($"Call refused consumer {id}", StringComparison.Ordinal)
            && line.Contains("DUPLICATE_MESSAGE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithLogCalls_ACompletedCallWritesALineOnEachSide_EachNamingItsGateway()
    {
        using var logs = new RecordingLoggers();
        await using var federation = await TestFederation.StartAsync(loggers: logs.Factory(), logCalls: true);
        var id = "told-" + Guid.NewGuid().ToString("N");

        await CallAsync(federation, id);

        Assert.Contains(logs.Lines, line => line.StartsWith("[alpha-gw] ", StringComparison.Ordinal)
            && line.Contains($"Exchange consumer {id}", StringComparison.Ordinal)
            && line.Contains(": OK in ", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.StartsWith("[beta-gw] ", StringComparison.Ordinal)
            && line.Contains($"Exchange provider {id}", StringComparison.Ordinal)
            && line.Contains(": OK in ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LogCallsTurnedOnAndOffInARunningGatewaysFile_TakesEffectWithoutARestart()
    {
        // An operator turns the lines on for an incident and off again: no restart, no call refused meanwhile.
        using var logs = new RecordingLoggers();
        await using var federation = await TestFederation.StartAsync(
            loggers: logs.Factory(), providerSettingsFile: true);
        var before = "before-" + Guid.NewGuid().ToString("N");
        await CallAsync(federation, before);

        federation.WriteProviderSettings(["Say"], logCalls: true);
        await Eventually.TrueAsync(() => Reloaded(logs, "on"), "the file with logCalls on is read");
        var during = "during-" + Guid.NewGuid().ToString("N");
        await CallAsync(federation, during);
        federation.WriteProviderSettings(["Say"]);
        await Eventually.TrueAsync(() => Reloaded(logs, "off"), "the file with logCalls off is read");
        var after = "after-" + Guid.NewGuid().ToString("N");
        await CallAsync(federation, after);

        Assert.DoesNotContain(logs.Lines,
            line => line.Contains($"Exchange provider {before}", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.StartsWith("[beta-gw] ", StringComparison.Ordinal)
            && line.Contains($"Exchange provider {during}", StringComparison.Ordinal)
            && line.Contains(": OK in ", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines,
            line => line.Contains($"Exchange provider {after}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithLogCalls_ACallTheProviderRefuses_IsLoggedByTheConsumerWithTheReason()
    {
        using var logs = new RecordingLoggers();
        await using var federation = await TestFederation.StartAsync(loggers: logs.Factory(), logCalls: true);
        var headers = TestFederation.Headers(client: TestFederation.Stranger);
        var id = "denied-" + Guid.NewGuid().ToString("N");
        headers.Add("xroad-message-id", id);

        await Assert.ThrowsAsync<RpcException>(() => federation.Echo().SayAsync(new EchoRequest(), headers)
            .ResponseAsync.WaitAsync(Errors.Timeout));

        Assert.Contains(logs.Lines, line => line.StartsWith("[alpha-gw] ", StringComparison.Ordinal)
            && line.Contains($"Exchange consumer {id}", StringComparison.Ordinal)
            && line.Contains(": PERMISSION_DENIED ACCESS_DENIED in ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithLogCalls_ACallItsCallerGivesUpOn_WritesALineOnEachSide()
    {
        // The provider's answer to a call whose consumer went away cannot be sent: its line is written all the same.
        using var logs = new RecordingLoggers();
        await using var federation = await TestFederation.StartAsync(loggers: logs.Factory(), logCalls: true);
        var headers = TestFederation.Headers();
        var id = "given-up-" + Guid.NewGuid().ToString("N");
        headers.Add("xroad-message-id", id);

        var ex = await Assert.ThrowsAsync<RpcException>(() => federation.Echo().SayAsync(
            new EchoRequest { DelayMs = 20_000 }, headers, deadline: DateTime.UtcNow.AddSeconds(1))
            .ResponseAsync.WaitAsync(Errors.Timeout));

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        await Eventually.TrueAsync(
            () => logs.Lines.Any(line => line.StartsWith("[beta-gw] ", StringComparison.Ordinal)
                && line.Contains($"Exchange provider {id}", StringComparison.Ordinal)
                && line.Contains(": CANCELLED in ", StringComparison.Ordinal)),
            "the provider's line of the call");
        Assert.Contains(logs.Lines, line => line.StartsWith("[alpha-gw] ", StringComparison.Ordinal)
            && line.Contains($"Exchange consumer {id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAgencySystemsCallSentToAnExchangeEndpoint_IsRefusedWithAReason_AndTheRefusalLogged()
    {
        using var logs = new RecordingLoggers();
        await using var federation = await TestFederation.StartAsync(loggers: logs.Factory());
        var echo = new Echo.EchoClient(federation.PeerChannel(federation.Pki.Read("alpha-client")));

        var refused = await Assert.ThrowsAsync<RpcException>(() => echo.SayAsync(
            new EchoRequest { Payload = ByteString.CopyFromUtf8("x") }, TestFederation.Headers())
            .ResponseAsync.WaitAsync(Errors.Timeout));

        Assert.Equal(StatusCode.Unimplemented, refused.StatusCode);
        Assert.Equal("UNKNOWN_SERVICE", Errors.Reason(refused));
        Assert.Contains("'/testing.v1.Echo/Say' is not served on the exchange endpoint of gateway 'beta-gw'",
            refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(logs.Lines, line => line.StartsWith("[beta-gw] ", StringComparison.Ordinal)
            && line.Contains("-> testing.v1.Echo Say: UNIMPLEMENTED UNKNOWN_SERVICE", StringComparison.Ordinal)
            && line.Contains("(peer certificate 'CN=", StringComparison.Ordinal));
    }

    private static bool Reloaded(RecordingLoggers logs, string lines) => logs.Lines.Any(line =>
        line.StartsWith("[beta-gw] ", StringComparison.Ordinal)
        && line.Contains($"method(s), a line a call {lines};", StringComparison.Ordinal));

    private static async Task CallAsync(TestFederation federation, string messageId)
    {
        var headers = TestFederation.Headers();
        headers.Add("xroad-message-id", messageId);
        await federation.Echo().SayAsync(new EchoRequest { Payload = ByteString.CopyFromUtf8("x") }, headers)
            .ResponseAsync.WaitAsync(Errors.Timeout);
    }
}
