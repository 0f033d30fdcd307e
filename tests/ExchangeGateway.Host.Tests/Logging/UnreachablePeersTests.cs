using ExchangeGateway.Host.Consumer;
using ExchangeGateway.Host.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ExchangeGateway.Host.Tests.Logging;

public sealed class UnreachablePeersTests
{
    [Fact]
    public void CallsFailingToReachAPeer_AreSaidAtOnce_ThenOnceAMinute_AndTheRecoveryOnce()
    {
        using var logs = new RecordingLoggers();
        using var loggers = logs.Factory();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero));
        var peers = UnreachablePeers.Create(time, loggers.CreateLogger("test"));

        peers.Failed("beta-gw", "Connection refused");
        time.Advance(TimeSpan.FromSeconds(30));
        peers.Failed("beta-gw", "Connection refused");
        peers.Failed("gamma-gw", "Connection timed out");
        time.Advance(TimeSpan.FromSeconds(31));
        peers.Failed("beta-gw", "Connection reset");
        peers.Failed("beta-gw", "Connection reset");
        peers.Succeeded("beta-gw");
        peers.Succeeded("beta-gw");
        peers.Failed("beta-gw", "Connection refused");

        Assert.Equal(
        [
            "Warning test ProviderUnreachable: Provider gateway beta-gw unreachable: Connection refused",
            "Warning test ProviderUnreachable: Provider gateway gamma-gw unreachable: Connection timed out",
            "Warning test ProviderStillUnreachable: Provider gateway beta-gw still unreachable since " +
                "2026-12-06T10:00:00.0000000+00:00: 3 call(s) failed to reach it; last: Connection reset",
            "Information test ProviderReachable: Provider gateway beta-gw reached again, after 4 call(s) that " +
                "failed to reach it since 2026-12-06T10:00:00.0000000+00:00",
            "Warning test ProviderUnreachable: Provider gateway beta-gw unreachable: Connection refused",
        ], logs.Lines.Select(line => line.TrimEnd()));
    }
}
