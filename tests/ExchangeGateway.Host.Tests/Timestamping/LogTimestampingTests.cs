using ExchangeGateway.Core.Merkle;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Core.Timestamping;
using ExchangeGateway.Host.Tests.Support;
using ExchangeGateway.Testing.V1;
using Grpc.Core;
using Grpc.Health.V1;
using ExchangeGateway.Host.Timestamping;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ExchangeGateway.Host.Tests.Timestamping;

public sealed class LogTimestampingTests
{
    [Fact]
    public async Task Backlog_IsStampedByOneToken_AndEveryRecordsProofLeadsToItsRoot()
    {
        await using var federation = await TestFederation.StartAsync(timestamping: true);
        var echo = federation.Echo();
        for (var i = 0; i < 5; i++)
        {
            await echo.SayAsync(new EchoRequest(), TestFederation.Headers()).ResponseAsync.WaitAsync(Errors.Timeout);
        }

        var stamped = await federation.Consumer.Timestamper!.StampBacklogAsync(CancellationToken.None)
            .WaitAsync(Errors.Timeout);

        Assert.Equal(10, stamped);
        var records = federation.Consumer.MessageLog.Read().ToList();
        var stamps = records.Select(r => federation.Consumer.MessageLog.StampOf(r.Sequence)).ToList();
        Assert.All(stamps, Assert.NotNull);
        Assert.Single(stamps.Select(s => s!.Stamp.Id).Distinct());
        var token = stamps[0]!.Stamp;
        var check = TimestampVerifier.Verify(token.Token, token.Root, federation.Consumer.Federation.Current!);
        Assert.True(check.IsValid, check.ToString());
        foreach (var (record, stamp) in records.Zip(stamps))
        {
            Assert.True(InclusionProof.TryDecode(stamp!.Proof, out var proof));
            Assert.Equal(token.Root, proof.RootFor(record.Hash));
        }

        Assert.Empty(federation.Consumer.MessageLog.ReadUnstamped(10));
    }

    [Fact]
    public async Task RecordLoggedWhileARoundIsStamped_WaitsForTheNextTick_OneTokenEach()
    {
        await using var federation = await TestFederation.StartAsync(timestamping: true);
        await federation.Echo().SayAsync(new EchoRequest(), TestFederation.Headers()).ResponseAsync
            .WaitAsync(Errors.Timeout);
        var log = federation.Consumer.MessageLog;
        using var http = new HttpClient();
        var tsa = new TimestampClient(
            http, () => federation.Consumer.Federation.Current, TimeProvider.System,
            NullLogger<TimestampClient>.Instance);
        var arriving = new RecordArrivingDuringStamp(tsa, log, log.Read().First().Record with { MessageId = "late" });
        await using var stamper = new LogTimestamper(
            log, arriving, () => true, new TimestampingOptions(), TimeProvider.System,
            NullLogger<LogTimestamper>.Instance);

        var first = await stamper.StampBacklogAsync(CancellationToken.None).WaitAsync(Errors.Timeout);
        var waiting = log.ReadUnstamped(10);
        var second = await stamper.StampBacklogAsync(CancellationToken.None).WaitAsync(Errors.Timeout);

        Assert.Equal(2, first);
        Assert.Equal(["late"], waiting.Select(r => log.Read(r.Sequence).First().Record.MessageId));
        Assert.Equal(1, second);
        Assert.Equal(2, arriving.Tokens);
        Assert.Empty(log.ReadUnstamped(10));
    }

    [Fact]
    public async Task GatewayStopping_StampsTheRecordsOfItsLastSeconds()
    {
        await using var federation = await TestFederation.StartAsync(timestamping: true);
        await federation.Echo().SayAsync(new EchoRequest(), TestFederation.Headers()).ResponseAsync
            .WaitAsync(Errors.Timeout);
        Assert.Equal(2, federation.Consumer.MessageLog.ReadUnstamped(10).Count);

        await federation.Consumer.DisposeAsync().AsTask().WaitAsync(Errors.Timeout);

        Assert.Empty(federation.Consumer.MessageLog.ReadUnstamped(10));
        Assert.Equal(2, federation.Provider.MessageLog.ReadUnstamped(10).Count);
    }

    [Fact]
    public async Task GatewayStopping_WhileStampingFails_DoesNotTryAgain()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var federation = await TestFederation.StartAsync(time, timestamping: true);
        await federation.StopTsaAsync();
        await federation.Echo().SayAsync(new EchoRequest(), TestFederation.Headers()).ResponseAsync
            .WaitAsync(Errors.Timeout);
        Assert.Equal(0, await federation.Consumer.Timestamper!.StampBacklogAsync(CancellationToken.None));
        await federation.StartTsaAsync();

        await federation.Consumer.DisposeAsync().AsTask().WaitAsync(Errors.Timeout);

        Assert.Equal(2, federation.Consumer.MessageLog.ReadUnstamped(10).Count);
    }

    [Fact]
    public async Task TsaDownForLessThanTheLimit_KeepsServing_AndStampsTheBacklogLater()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var federation = await TestFederation.StartAsync(time, timestamping: true);
        var echo = federation.Echo();
        await federation.StopTsaAsync();
        await echo.SayAsync(new EchoRequest(), TestFederation.Headers()).ResponseAsync.WaitAsync(Errors.Timeout);

        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await federation.Consumer.Timestamper!.StampBacklogAsync(CancellationToken.None));
        await echo.SayAsync(new EchoRequest(), TestFederation.Headers()).ResponseAsync.WaitAsync(Errors.Timeout);

        await federation.StartTsaAsync();
        var stamped = await federation.Consumer.Timestamper.StampBacklogAsync(CancellationToken.None)
            .WaitAsync(Errors.Timeout);

        Assert.Equal(4, stamped);
        Assert.Empty(federation.Consumer.MessageLog.ReadUnstamped(10));
    }

    [Fact]
    public async Task TsaDown_TheFailureIsLoggedOnceThenOnceAMinute_AndTheRecoveryOnce()
    {
        using var logs = new RecordingLoggers();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var federation = await TestFederation.StartAsync(time, logs.Factory(), timestamping: true);
        await federation.StopTsaAsync();
        await federation.Echo().SayAsync(new EchoRequest(), TestFederation.Headers()).ResponseAsync
            .WaitAsync(Errors.Timeout);

        for (var round = 0; round < 5; round++)
        {
            time.Advance(TimeSpan.FromSeconds(2));
            await federation.Consumer.Timestamper!.StampBacklogAsync(CancellationToken.None).WaitAsync(Errors.Timeout);
        }

        var afterFive = Lines(logs, "Time-stamping ");
        time.Advance(TimeSpan.FromMinutes(1));
        await federation.Consumer.Timestamper!.StampBacklogAsync(CancellationToken.None).WaitAsync(Errors.Timeout);
        await federation.StartTsaAsync();
        await federation.Consumer.Timestamper.StampBacklogAsync(CancellationToken.None).WaitAsync(Errors.Timeout);

        Assert.Single(afterFive);
        Assert.Contains("Time-stamping failed for 2 record(s): ", afterFive[0], StringComparison.Ordinal);
        var lines = Lines(logs, "Time-stamping ");
        Assert.Equal(3, lines.Count);
        Assert.Contains("Time-stamping still failing since ", lines[1], StringComparison.Ordinal);
        Assert.Contains(" round(s)), 2 record(s) waiting: ", lines[1], StringComparison.Ordinal);
        Assert.True(lines[2].Contains("Time-stamping works again, after ", StringComparison.Ordinal), lines[2]);
    }

    /// <summary>The consumer gateway's lines that contain <paramref name="text"/>, in order.</summary>
    private static List<string> Lines(RecordingLoggers logs, string text) => logs.Lines
        .Where(l => l.StartsWith("[alpha-gw] ", StringComparison.Ordinal) && l.Contains(text, StringComparison.Ordinal))
        .ToList();

    [Fact]
    public async Task TsaDownLongerThanTheLimit_RefusesCallsAndReportsNotServing_ThenResumesByItself()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var federation = await TestFederation.StartAsync(time, timestamping: true);
        var echo = federation.Echo();
        var health = new Health.HealthClient(federation.ClientChannel());
        await federation.StopTsaAsync();
        await echo.SayAsync(new EchoRequest(), TestFederation.Headers()).ResponseAsync.WaitAsync(Errors.Timeout);

        time.Advance(TimeSpan.FromHours(5));
        await federation.Consumer.Timestamper!.StampBacklogAsync(CancellationToken.None).WaitAsync(Errors.Timeout);
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            echo.SayAsync(new EchoRequest(), TestFederation.Headers()).ResponseAsync.WaitAsync(Errors.Timeout));
        var status = await health.CheckAsync(new HealthCheckRequest()).ResponseAsync.WaitAsync(Errors.Timeout);

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Equal("TIMESTAMPING_FAILED", Errors.Reason(ex));
        Assert.StartsWith("records logged since ", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(" are still unstamped, longer than the gateway allows", ex.Status.Detail,
            StringComparison.Ordinal);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, status.Status);

        await federation.StartTsaAsync();
        time.Advance(TimeSpan.FromMinutes(1));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (federation.Consumer.Health.Fault() is not null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Null(federation.Consumer.Health.Fault());
        await echo.SayAsync(new EchoRequest(), TestFederation.Headers()).ResponseAsync.WaitAsync(Errors.Timeout);
        status = await health.CheckAsync(new HealthCheckRequest()).ResponseAsync.WaitAsync(Errors.Timeout);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, status.Status);
    }

    [Fact]
    public async Task NoTsaInFederation_StampsNothing_AndKeepsServing()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var federation = await TestFederation.StartAsync(time);
        await federation.Echo().SayAsync(new EchoRequest(), TestFederation.Headers()).ResponseAsync
            .WaitAsync(Errors.Timeout);

        time.Advance(TimeSpan.FromHours(5));

        Assert.Null(federation.Consumer.Health.Fault());
        Assert.Equal(2, federation.Consumer.MessageLog.ReadUnstamped(10).Count);
    }

    /// <summary>A real TSA client that logs one more record while its first token is being made.</summary>
    private sealed class RecordArrivingDuringStamp(ITimestamper tsa, IMessageLog log, MessageRecord late)
        : ITimestamper
    {
        public int Tokens { get; private set; }

        public async Task<TimestampToken> StampAsync(byte[] sha256, CancellationToken cancellationToken)
        {
            if (Tokens == 0)
            {
                await log.AppendAsync(late).WaitAsync(Errors.Timeout, cancellationToken);
            }

            var token = await tsa.StampAsync(sha256, cancellationToken);
            Tokens++;
            return token;
        }
    }
}
