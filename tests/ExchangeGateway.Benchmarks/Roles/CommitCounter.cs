using System.Diagnostics.Metrics;
using ExchangeGateway.Core;
using ExchangeGateway.Core.MessageLog;

namespace ExchangeGateway.Benchmarks.Roles;

/// <summary>
/// The message log's commits and the records they made durable (<see cref="SqliteMessageLog.CommitSizeInstrument"/>),
/// counted in the gateway process since it started: the benchmark asks before and after a point, and the difference
/// gives records per commit, that is per fsync: how much group commit gathers under the load at hand.
/// </summary>
internal sealed class CommitCounter : IDisposable
{
    public const string Request = "COMMITS";

    private readonly MeterListener _listener = new();
    private long _commits;
    private long _records;

    public CommitCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GatewayMeter.Name
                && instrument.Name == SqliteMessageLog.CommitSizeInstrument)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, records, _, _) =>
        {
            Interlocked.Increment(ref _commits);
            Interlocked.Add(ref _records, records);
        });
        _listener.Start();
    }

    /// <summary>Answers <see cref="Request"/> lines with the counts so far.</summary>
    public void Answer(string line)
    {
        if (line == Request)
        {
            ReadyLine.Write(Request, new CommitCount(Interlocked.Read(ref _commits), Interlocked.Read(ref _records)));
        }
    }

    public void Dispose() => _listener.Dispose();
}

/// <summary>Commits of the message log and the records they held, since the process started.</summary>
internal sealed record CommitCount(long Commits, long Records);
