using System.Security.Cryptography;
using ExchangeGateway.Core.Federation;
using ExchangeGateway.Core.Timestamping;
using ExchangeGateway.Host.Tests.Support;
using ExchangeGateway.Host.Timestamping;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExchangeGateway.Host.Tests.Timestamping;

public sealed class TimestampClientTests
{
    private static readonly byte[] Data = SHA256.HashData("a Merkle root over signatures"u8);

    /// <summary>One try per authority, so that counts are easy to follow; tests of retries set their own.</summary>
    private static readonly TimestampClientOptions NoRetry = new() { MaxRetryAttempts = 0 };

    [Fact]
    public async Task StampAsync_ListedAuthority_ReturnsTokenThatVerifiesOffline()
    {
        await using var bed = new TimestampingBed();
        var server = await bed.StartAuthorityAsync();
        var federation = bed.Federation(TimestampingBed.Entry("dev-tsa", server.Address, bed.Tsa));
        using var handler = new CountingHandler();
        var client = Client(handler, () => federation, bed.Time);

        var token = await client.StampAsync(Data, CancellationToken.None).WaitAsync(Errors.Timeout);

        Assert.Equal("dev-tsa", token.Authority);
        var now = bed.Time.GetUtcNow();
        Assert.Equal(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond)), token.Time);
        var check = TimestampVerifier.Verify(token.Token, Data, federation);
        Assert.True(check.IsValid, check.ToString());
        Assert.Equal(1, handler[server.Address]);
    }

    [Fact]
    public async Task StampAsync_FirstAuthorityDown_FallsBackToSecond()
    {
        await using var bed = new TimestampingBed();
        var down = ClosedPort.Address();
        var server = await bed.StartAuthorityAsync(bed.SecondTsa);
        var federation = bed.Federation(
            TimestampingBed.Entry("down-tsa", down, bed.Tsa),
            TimestampingBed.Entry("second-tsa", server.Address, bed.SecondTsa));
        using var handler = new CountingHandler();
        var client = Client(handler, () => federation, bed.Time, NoRetry);

        var token = await client.StampAsync(Data, CancellationToken.None).WaitAsync(Errors.Timeout);

        Assert.Equal("second-tsa", token.Authority);
        Assert.Equal(1, handler[down]);
        Assert.Equal(1, handler[server.Address]);
    }

    [Fact]
    public async Task StampAsync_FirstAuthorityAnswers_SecondIsNotAsked()
    {
        await using var bed = new TimestampingBed();
        var first = await bed.StartAuthorityAsync();
        var second = await bed.StartAuthorityAsync(bed.SecondTsa);
        var federation = bed.Federation(
            TimestampingBed.Entry("dev-tsa", first.Address, bed.Tsa),
            TimestampingBed.Entry("second-tsa", second.Address, bed.SecondTsa));
        using var handler = new CountingHandler();
        var client = Client(handler, () => federation, bed.Time, NoRetry);

        var token = await client.StampAsync(Data, CancellationToken.None).WaitAsync(Errors.Timeout);

        Assert.Equal("dev-tsa", token.Authority);
        Assert.Equal(0, handler[second.Address]);
    }

    [Fact]
    public async Task StampAsync_AllAuthoritiesDown_ThrowsTimestampingExceptionNamingEach()
    {
        await using var bed = new TimestampingBed();
        var federation = bed.Federation(
            TimestampingBed.Entry("down-tsa", ClosedPort.Address(), bed.Tsa),
            TimestampingBed.Entry("also-down-tsa", ClosedPort.Address(), bed.SecondTsa));
        using var handler = new CountingHandler();
        var client = Client(handler, () => federation, bed.Time, NoRetry);

        var error = await Assert.ThrowsAsync<TimestampingException>(
            () => client.StampAsync(Data, CancellationToken.None).WaitAsync(Errors.Timeout));

        Assert.Contains("down-tsa: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("also-down-tsa: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StampAsync_AuthorityOutsideFederation_FallsBackAndNamesTheChainCheck()
    {
        await using var bed = new TimestampingBed();
        var foreign = await bed.StartAuthorityAsync(bed.ForeignTsa);
        var good = await bed.StartAuthorityAsync();
        var federation = bed.Federation(
            TimestampingBed.Entry("foreign-tsa", foreign.Address, bed.ForeignTsa),
            TimestampingBed.Entry("dev-tsa", good.Address, bed.Tsa));
        using var handler = new CountingHandler();
        var client = Client(handler, () => federation, bed.Time, NoRetry);

        var token = await client.StampAsync(Data, CancellationToken.None).WaitAsync(Errors.Timeout);
        var alone = Client(handler, () => bed.Federation(federation.Document.TimestampingAuthorities[0]), bed.Time);
        var error = await Assert.ThrowsAsync<TimestampingException>(
            () => alone.StampAsync(Data, CancellationToken.None).WaitAsync(Errors.Timeout));

        Assert.Equal("dev-tsa", token.Authority);
        Assert.Contains("foreign-tsa: token refused, Chain check", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StampAsync_CertificateNotRegistered_ThrowsNamingTheRegistrationCheck()
    {
        await using var bed = new TimestampingBed();
        var server = await bed.StartAuthorityAsync(bed.UnregisteredTsa);
        var federation = bed.Federation(TimestampingBed.Entry("dev-tsa", server.Address, bed.Tsa));
        using var handler = new CountingHandler();
        var client = Client(handler, () => federation, bed.Time);

        var error = await Assert.ThrowsAsync<TimestampingException>(
            () => client.StampAsync(Data, CancellationToken.None).WaitAsync(Errors.Timeout));

        Assert.Contains("dev-tsa: token refused, NotRegistered check", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, handler[server.Address]);
    }

    [Fact]
    public async Task StampAsync_RepeatedFailures_OpensCircuitUntilBreakEnds_AndSaysSoOnce()
    {
        await using var bed = new TimestampingBed();
        using var logs = new RecordingLoggers();
        var down = ClosedPort.Address();
        var server = await bed.StartAuthorityAsync(bed.SecondTsa);
        var federation = bed.Federation(
            TimestampingBed.Entry("down-tsa", down, bed.Tsa),
            TimestampingBed.Entry("second-tsa", server.Address, bed.SecondTsa));
        using var handler = new CountingHandler();
        var client = Client(handler, () => federation, bed.Time, NoRetry with
        {
            BreakerMinimumThroughput = 2,
            BreakerFailureRatio = 1.0,
            BreakDuration = TimeSpan.FromSeconds(30),
        }, logs.Factory().CreateLogger<TimestampClient>());

        await StampAsync(client, times: 2);
        Assert.Equal(2, handler[down]);

        await StampAsync(client, times: 3);
        Assert.Equal(2, handler[down]);

        bed.Time.Advance(TimeSpan.FromSeconds(31));
        await StampAsync(client, times: 1);
        Assert.Equal(3, handler[down]);

        await StampAsync(client, times: 1);
        Assert.Equal(3, handler[down]);
        Assert.Equal(7, handler[server.Address]);

        // Opened at the 2nd failure and again after the try that ended the break failed: said the first time only.
        var opened = Assert.Single(logs.Lines, line => line.Contains("circuit opened", StringComparison.Ordinal));
        Assert.Contains($"down-tsa ({down}) circuit opened after repeated failures, the last: ", opened,
            StringComparison.Ordinal);
        Assert.Contains("Connection refused", opened, StringComparison.Ordinal);
        Assert.Contains("; tried again every 30 s", opened, StringComparison.Ordinal);

        // Its three failed tries, the last after the break, fall within a minute: the authority's failure is said once.
        var failed = Assert.Single(logs.Lines, line => line.Contains(" failed: ", StringComparison.Ordinal));
        Assert.Contains($"Time-stamping authority down-tsa ({down}) failed: ", failed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StampAsync_CircuitOpenOnOnlyAuthority_ThrowsSayingSo()
    {
        await using var bed = new TimestampingBed();
        var federation = bed.Federation(TimestampingBed.Entry("down-tsa", ClosedPort.Address(), bed.Tsa));
        using var handler = new CountingHandler();
        var client = Client(handler, () => federation, bed.Time, NoRetry with { BreakerMinimumThroughput = 2 });
        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<TimestampingException>(
                () => client.StampAsync(Data, CancellationToken.None).WaitAsync(Errors.Timeout));
        }

        var error = await Assert.ThrowsAsync<TimestampingException>(
            () => client.StampAsync(Data, CancellationToken.None).WaitAsync(Errors.Timeout));

        Assert.Contains("down-tsa: circuit open", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StampAsync_TransportFailure_RetriesWithExponentialBackoffThenFallsBack()
    {
        await using var bed = new TimestampingBed();
        var down = ClosedPort.Address();
        var server = await bed.StartAuthorityAsync(bed.SecondTsa);
        var federation = bed.Federation(
            TimestampingBed.Entry("down-tsa", down, bed.Tsa),
            TimestampingBed.Entry("second-tsa", server.Address, bed.SecondTsa));
        var time = new RecordingTimeProvider(bed.Time);
        using var handler = new CountingHandler();
        var client = Client(handler, () => federation, time, new TimestampClientOptions
        {
            MaxRetryAttempts = 2,
            RetryDelay = TimeSpan.FromSeconds(2),
        });

        var stamping = client.StampAsync(Data, CancellationToken.None);
        await Eventually.TrueAsync(() => time.Timers.Count == 1, "the first backoff is waited for");
        Assert.Equal(TimeSpan.FromSeconds(2), time.Timers[0]);
        Assert.Equal(1, handler[down]);
        bed.Time.Advance(TimeSpan.FromSeconds(2));
        await Eventually.TrueAsync(() => time.Timers.Count == 2, "the second backoff is waited for");
        Assert.Equal(TimeSpan.FromSeconds(4), time.Timers[1]);
        Assert.Equal(2, handler[down]);
        Assert.False(stamping.IsCompleted);
        bed.Time.Advance(TimeSpan.FromSeconds(4));
        var token = await stamping.WaitAsync(Errors.Timeout);

        Assert.Equal("second-tsa", token.Authority);
        Assert.Equal(3, handler[down]);
        Assert.Equal(1, handler[server.Address]);
    }

    [Fact]
    public async Task StampAsync_AuthorityNeverAnswers_TimesOutAndFallsBack()
    {
        await using var bed = new TimestampingBed();
        await using var silent = new SilentServer();
        var server = await bed.StartAuthorityAsync(bed.SecondTsa);
        var federation = bed.Federation(
            TimestampingBed.Entry("silent-tsa", silent.Address, bed.Tsa),
            TimestampingBed.Entry("second-tsa", server.Address, bed.SecondTsa));
        using var handler = new CountingHandler();
        var client = Client(handler, () => federation, bed.Time, NoRetry with
        {
            AttemptTimeout = TimeSpan.FromSeconds(5),
        });

        var stamping = client.StampAsync(Data, CancellationToken.None);
        await Eventually.TrueAsync(() => silent.Accepted == 1, "the silent authority has the request");
        bed.Time.Advance(TimeSpan.FromSeconds(4));
        await Task.Delay(100);
        Assert.False(stamping.IsCompleted);
        bed.Time.Advance(TimeSpan.FromSeconds(1));
        var token = await stamping.WaitAsync(Errors.Timeout);

        Assert.Equal("second-tsa", token.Authority);
    }

    [Fact]
    public async Task StampAsync_FederationReloaded_UsesTheAuthoritiesListedNow()
    {
        await using var bed = new TimestampingBed();
        var server = await bed.StartAuthorityAsync();
        FederationConfiguration? current = bed.Federation(
            TimestampingBed.Entry("down-tsa", ClosedPort.Address(), bed.Tsa));
        using var handler = new CountingHandler();
        var client = Client(handler, () => current, bed.Time, NoRetry);
        await Assert.ThrowsAsync<TimestampingException>(
            () => client.StampAsync(Data, CancellationToken.None).WaitAsync(Errors.Timeout));

        current = bed.Federation(TimestampingBed.Entry("dev-tsa", server.Address, bed.Tsa));
        var token = await client.StampAsync(Data, CancellationToken.None).WaitAsync(Errors.Timeout);

        Assert.Equal("dev-tsa", token.Authority);
    }

    [Fact]
    public async Task StampAsync_NoFederationLoaded_ThrowsTimestampingException()
    {
        await using var bed = new TimestampingBed();
        using var handler = new CountingHandler();
        var client = Client(handler, () => null, bed.Time);

        var error = await Assert.ThrowsAsync<TimestampingException>(
            () => client.StampAsync(Data, CancellationToken.None).WaitAsync(Errors.Timeout));

        Assert.Equal("no federation configuration is loaded", error.Message);
    }

    [Fact]
    public async Task StampAsync_NoAuthorityListed_ThrowsTimestampingException()
    {
        await using var bed = new TimestampingBed();
        var federation = bed.Federation();
        using var handler = new CountingHandler();
        var client = Client(handler, () => federation, bed.Time);

        var error = await Assert.ThrowsAsync<TimestampingException>(
            () => client.StampAsync(Data, CancellationToken.None).WaitAsync(Errors.Timeout));

        Assert.Equal("the federation configuration lists no time-stamping authority", error.Message);
    }

    [Fact]
    public async Task StampAsync_Cancelled_ThrowsOperationCanceled()
    {
        await using var bed = new TimestampingBed();
        await using var silent = new SilentServer();
        var federation = bed.Federation(TimestampingBed.Entry("silent-tsa", silent.Address, bed.Tsa));
        using var handler = new CountingHandler();
        var client = Client(handler, () => federation, bed.Time, NoRetry);
        using var cancel = new CancellationTokenSource();

        var stamping = client.StampAsync(Data, cancel.Token);
        await Eventually.TrueAsync(() => silent.Accepted == 1, "the silent authority has the request");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stamping.WaitAsync(Errors.Timeout));
    }

    [Fact]
    public void Constructor_BreakerThroughputBelowTwo_Throws()
    {
        using var handler = new CountingHandler();

        Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => Client(
            handler, () => null, TimeProvider.System, new TimestampClientOptions { BreakerMinimumThroughput = 1 }));
    }

    private static TimestampClient Client(
        CountingHandler handler,
        Func<FederationConfiguration?> federation,
        TimeProvider time,
        TimestampClientOptions? options = null,
        ILogger<TimestampClient>? logger = null) =>
        new(new HttpClient(handler, disposeHandler: false) { Timeout = TimeSpan.FromMinutes(5) }, federation, time,
            logger ?? NullLogger<TimestampClient>.Instance, options);

    private static async Task StampAsync(TimestampClient client, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await client.StampAsync(Data, CancellationToken.None).WaitAsync(Errors.Timeout);
        }
    }
}
