using System.Diagnostics.Metrics;
using ExchangeGateway.Core;
using ExchangeGateway.Core.MessageLog;

namespace ExchangeGateway.Benchmarks.Roles;

/// <summary>
/// Counts kept in a gateway process since it started, which the benchmark asks for before and after a point; the
/// differences give, per call, the bytes allocated and, per commit of the message log (per fsync), the records made
/// durable.
/// </summary>
/// <remarks>
/// Requests served come from ASP.NET Core's own <c>http.server.request.duration</c> instrument, commits from the
/// log's <see cref="SqliteMessageLog.CommitSizeInstrument"/>. Pooled buffers (Kestrel's pipes, array pools) are not
/// allocations, so the bytes count the copies of a payload that the message path makes, not every byte it touches.
/// </remarks>
internal sealed class GatewayCounters : IDisposable
{
    public const string Request = "COUNTERS";

    private readonly MeterListener _listener = new();
    private long _requests;
    private long _commits;
    private long _records;

    public GatewayCounters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if ((instrument.Meter.Name == "Microsoft.AspNetCore.Hosting"
                    && instrument.Name == "http.server.request.duration")
                || (instrument.Meter.Name == GatewayMeter.Name
                    && instrument.Name == SqliteMessageLog.CommitSizeInstrument))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _requests));
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
            ReadyLine.Write(Request, new GatewayCount(GC.GetTotalAllocatedBytes(), Interlocked.Read(ref _requests),
                Interlocked.Read(ref _commits), Interlocked.Read(ref _records)));
        }
    }

    public void Dispose() => _listener.Dispose();
}

/// <summary>Bytes allocated, requests served, commits of the message log and the records they held, since the
/// process started.</summary>
internal sealed record GatewayCount(long Bytes, long Requests, long Commits, long Records);
