using ExchangeGateway.Core.Merkle;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Core.Timestamping;
using Microsoft.Extensions.Logging;

namespace ExchangeGateway.Host.Timestamping;

/// <summary>
/// Time-stamps the message log asynchronously, in batches: every interval, one RFC 3161 token covers the Merkle root
/// over the hashes of the records not yet stamped, and each record keeps its proof. Calls never wait for a TSA;
/// but when records stay unstamped longer than allowed the gateway stops serving until a TSA answers again.
/// </summary>
public sealed class LogTimestamper : IAsyncDisposable
{
    private const int MaxRoundsPerTick = 100;

    private static readonly TimeSpan LastRound = TimeSpan.FromSeconds(10);

    private readonly IMessageLog _log;
    private readonly ITimestamper _stamper;
    private readonly Func<bool> _enabled;
    private readonly TimestampingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _round = new(1, 1);
    private Task _loop = Task.CompletedTask;
    private long _stampedUpToTicks;
    private int _disposed;

    // A failure repeats every round while no authority answers: said at once, then once a minute at most, and the
    // recovery once. Rounds run one at a time (_round), so these need no lock.
    private RepeatedFailure? _failing;
    private DateTimeOffset _lateSaid;

    /// <summary>
    /// Creates the time-stamper; <paramref name="enabled"/> says whether the federation lists any TSA.
    /// </summary>
    public LogTimestamper(
        IMessageLog log, ITimestamper stamper, Func<bool> enabled, TimestampingOptions options, TimeProvider time,
        ILogger<LogTimestamper> logger)
    {
        _log = log;
        _stamper = stamper;
        _enabled = enabled;
        _options = options;
        _time = time;
        _logger = logger;
        _stampedUpToTicks = (log.OldestUnstamped() ?? time.GetUtcNow()).UtcTicks;
    }

    /// <summary>
    /// False when time-stamping is required and records may have stayed unstamped longer than
    /// <see cref="TimestampingOptions.MaxUnstampedAge"/>.
    /// </summary>
    public bool IsServing => !_enabled() || _time.GetUtcNow() - StampedUpTo <= _options.MaxUnstampedAge;

    /// <summary>Since when records may be waiting for a stamp.</summary>
    public DateTimeOffset StampedUpTo => new(Interlocked.Read(ref _stampedUpToTicks), TimeSpan.Zero);

    /// <summary>Starts stamping every <see cref="TimestampingOptions.Interval"/>.</summary>
    public void Start() => _loop = Task.Run(LoopAsync);

    /// <summary>
    /// Stamps the backlog now, in rounds of at most <see cref="TimestampingOptions.MaxBatch"/> records, until a round
    /// finds fewer: records logged while it was stamped wait for the next call.
    /// </summary>
    /// <returns>The number of records stamped.</returns>
    public async Task<int> StampBacklogAsync(CancellationToken cancellationToken)
    {
        await _round.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await StampRoundsAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _round.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        await StampBeforeStoppingAsync().ConfigureAwait(false);
        _stop.Dispose();
        _round.Dispose();
    }

    /// <summary>
    /// One last stamping of the backlog, so that the records of a gateway's last seconds do not wait for its next
    /// start; skipped while stamping fails (the authorities were not answering), and given at most
    /// <see cref="LastRound"/>, so that stopping never waits on an authority for long.
    /// </summary>
    private async Task StampBeforeStoppingAsync()
    {
        if (_failing is not null || !_enabled() || _log.OldestUnstamped() is null)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(LastRound, _time);
        try
        {
            await StampBacklogAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Log.TimestampingCutShort(_logger, LastRound.TotalSeconds);
        }
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            await Task.Delay(_options.Interval, _time, _stop.Token).ConfigureAwait(false);
            if (!_enabled())
            {
                continue;
            }

            await StampBacklogAsync(_stop.Token).ConfigureAwait(false);
        }
    }

    private async Task<int> StampRoundsAsync(CancellationToken cancellationToken)
    {
        var stamped = 0;
        for (var round = 0; round < MaxRoundsPerTick; round++)
        {
            var started = _time.GetUtcNow();
            var records = _log.ReadUnstamped(_options.MaxBatch);
            if (records.Count == 0)
            {
                Interlocked.Exchange(ref _stampedUpToTicks, started.UtcTicks);
                return stamped;
            }

            if (!await TryStampAsync(records, cancellationToken).ConfigureAwait(false))
            {
                WarnIfLate(records[0].LoggedAt);
                return stamped;
            }

            stamped += records.Count;
            if (records.Count < _options.MaxBatch)
            {
                // The backlog as it stood is stamped. Records logged meanwhile wait for the next tick: chasing them
                // would cost a token for every few milliseconds of traffic, round after round, under steady load.
                Interlocked.Exchange(ref _stampedUpToTicks, started.UtcTicks);
                return stamped;
            }

            Interlocked.Exchange(ref _stampedUpToTicks, records[^1].LoggedAt.UtcTicks);
        }

        return stamped;
    }

    private async Task<bool> TryStampAsync(IReadOnlyList<UnstampedRecord> records, CancellationToken cancellationToken)
    {
        var (root, nodes) = MerkleTree.Nodes(records.Select(r => r.Hash).ToList());
        TimestampToken token;
        try
        {
            token = await _stamper.StampAsync(root, cancellationToken).ConfigureAwait(false);
        }
        catch (TimestampingException ex)
        {
            Failed(records.Count, ex.Message);
            return false;
        }

        var stamp = new LogStamp(_log.NextStampId(), records[0].Sequence, records[^1].Sequence, root, token.Token,
            token.Authority, token.Time);
        try
        {
            _log.SaveStamp(stamp, nodes);
        }
        catch (MessageLogException ex)
        {
            Failed(records.Count, ex.Message);
            return false;
        }

        Log.Timestamped(_logger, records.Count, stamp.FirstSequence, stamp.LastSequence, token.Authority);
        if (_failing is { } failing)
        {
            Log.TimestampingRecovered(_logger, failing.Count, failing.Since);
            _failing = null;
        }

        return true;
    }

    private void Failed(int count, string detail)
    {
        var now = _time.GetUtcNow();
        _failing ??= new RepeatedFailure(now);
        if (!_failing.Happened(now))
        {
            return;
        }

        if (_failing.Count == 1)
        {
            Log.TimestampingFailed(_logger, count, detail);
        }
        else
        {
            Log.TimestampingStillFailing(_logger, _failing.Since, _failing.Count, count, detail);
        }
    }

    private void WarnIfLate(DateTimeOffset oldest)
    {
        var now = _time.GetUtcNow();
        var age = now - oldest;
        if (age > _options.MaxUnstampedAge / 2 && now - _lateSaid >= RepeatedFailure.Repeat)
        {
            _lateSaid = now;
            Log.TimestampingLate(_logger, age.TotalMinutes, _options.MaxUnstampedAge.TotalMinutes);
        }
    }
}
