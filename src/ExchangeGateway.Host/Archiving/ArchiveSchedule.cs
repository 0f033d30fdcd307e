using ExchangeGateway.Core.Archives;
using ExchangeGateway.Core.MessageLog;
using Microsoft.Extensions.Logging;

namespace ExchangeGateway.Host.Archiving;

/// <summary>
/// Runs the archiver on a schedule: every interval, archive the periods that are over, then purge what the
/// retention period lets go. A failed run is logged and retried at the next interval; calls are never affected.
/// </summary>
public sealed class ArchiveSchedule : IAsyncDisposable
{
    private readonly LogArchiver _archiver;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _retention;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    /// <summary>Creates the schedule; <see cref="Start"/> starts it.</summary>
    public ArchiveSchedule(
        LogArchiver archiver, TimeSpan interval, TimeSpan retention, TimeProvider time, ILogger<ArchiveSchedule> logger)
    {
        _archiver = archiver;
        _interval = interval;
        _retention = retention;
        _time = time;
        _logger = logger;
    }

    /// <summary>Starts the runs, unless the interval is zero.</summary>
    public void Start()
    {
        if (_interval > TimeSpan.Zero)
        {
            _loop = Task.Run(LoopAsync);
        }
    }

    /// <summary>One run now: archive (every stamped record, or only closed periods), then purge.</summary>
    /// <returns>The archives written.</returns>
    public IReadOnlyList<ArchiveEntry> RunOnce(bool closedPeriodsOnly)
    {
        try
        {
            var written = _archiver.Archive(closedPeriodsOnly);
            foreach (var archive in written)
            {
                Log.Archived(_logger, archive.FirstSequence, archive.LastSequence, archive.Name);
            }

            var purged = _archiver.Purge();
            if (purged > 0)
            {
                Log.Purged(_logger, purged, _retention.TotalDays);
            }

            return written;
        }
        catch (MessageLogException ex)
        {
            Log.ArchivingFailed(_logger, ex.Message);
            return [];
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            await Task.Delay(_interval, _time, _stop.Token).ConfigureAwait(false);
            RunOnce(closedPeriodsOnly: true);
        }
    }
}
