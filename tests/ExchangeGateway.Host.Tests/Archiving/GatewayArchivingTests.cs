using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Archives;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Host.Tests.Support;
using ExchangeGateway.Testing.V1;
using Microsoft.Extensions.Time.Testing;

namespace ExchangeGateway.Host.Tests.Archiving;

/// <summary>Real gateways on loopback with a real TSA: their logs archived, verified offline, then purged.</summary>
public sealed class GatewayArchivingTests
{
    [Fact]
    public async Task Archives_OfBothGatewaysAfterRealCalls_VerifyOfflineAgainstTheAnchorAlone()
    {
        await using var federation = await TestFederation.StartAsync(timestamping: true);
        await CallAsync(federation, 5);
        await StampAsync(federation);

        var consumer = federation.Consumer.Archives.RunOnce(closedPeriodsOnly: false);
        var provider = federation.Provider.Archives.RunOnce(closedPeriodsOnly: false);

        var paths = Paths(federation.Consumer, consumer).Concat(Paths(federation.Provider, provider)).ToList();
        var verification = ArchiveVerifier.Verify(paths, Anchors(federation));
        Assert.True(verification.IsValid, verification.Failure?.ToString());
        Assert.Equal(2, verification.Archives);
        Assert.Equal(20, verification.Records);
        Assert.Equal(2, verification.Gateways.Count);
        Assert.Empty(federation.Consumer.Archives.RunOnce(closedPeriodsOnly: false));
    }

    [Fact]
    public async Task Purge_AfterTheRetentionPeriod_KeepsTheLogVerifiableFromTheLastArchive()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var federation = await TestFederation.StartAsync(time, timestamping: true);
        await CallAsync(federation, 3);
        await StampAsync(federation);
        var archived = Assert.Single(federation.Consumer.Archives.RunOnce(closedPeriodsOnly: false));
        await CallAsync(federation, 1);

        time.Advance(TimeSpan.FromDays(31));
        federation.Consumer.Archives.RunOnce(closedPeriodsOnly: true);

        var log = (SqliteMessageLog)federation.Consumer.MessageLog;
        Assert.Equal([7L, 8L], log.Read().Select(r => r.Sequence));
        var start = Assert.Single(log.Archives());
        Assert.Equal(archived.Name, start.Name);
        Assert.NotNull(start.PurgedAt);
        var verification = MessageLogVerifier.Verify(log.Read(), federation.Consumer.Federation.Current!, start);
        Assert.True(verification.IsValid, verification.Failure?.ToString());
        Assert.True(ArchiveVerifier.Verify([.. Paths(federation.Consumer, [archived])], Anchors(federation)).IsValid);
    }

    private static async Task CallAsync(TestFederation federation, int count)
    {
        var echo = federation.Echo();
        for (var i = 0; i < count; i++)
        {
            var request = new EchoRequest { Payload = Google.Protobuf.ByteString.CopyFromUtf8($"call {i}") };
            await echo.SayAsync(request, TestFederation.Headers()).ResponseAsync
                .WaitAsync(Errors.Timeout);
        }
    }

    private static async Task StampAsync(TestFederation federation)
    {
        await federation.Consumer.Timestamper!.StampBacklogAsync(CancellationToken.None).WaitAsync(Errors.Timeout);
        await federation.Provider.Timestamper!.StampBacklogAsync(CancellationToken.None).WaitAsync(Errors.Timeout);
    }

    private static IEnumerable<string> Paths(GatewayNode gateway, IEnumerable<ArchiveEntry> archives) =>
        archives.Select(a => Path.Combine(gateway.Options.Archiving.DirectoryFor(gateway.Options.MessageLogPath),
            a.Name));

    private static X509Certificate2Collection Anchors(TestFederation federation)
    {
        var anchors = new X509Certificate2Collection();
        anchors.ImportFromPemFile(federation.Consumer.Options.Federation.Anchor);
        return anchors;
    }
}
