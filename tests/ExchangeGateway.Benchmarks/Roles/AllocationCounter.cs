using System.Diagnostics.Metrics;

namespace ExchangeGateway.Benchmarks.Roles;

/// <summary>
/// What a gateway process allocated on the managed heap, and how many HTTP requests it served (ASP.NET Core's own
/// <c>http.server.request.duration</c> instrument): the benchmark asks before and after a point, and the difference
/// gives bytes allocated per call. Pooled buffers (Kestrel's pipes, array pools) are not allocations, so this counts
/// the copies of a payload that the message path makes, not every byte it touches.
/// </summary>
internal sealed class AllocationCounter : IDisposable
{
    public const string Request = "ALLOCATIONS";

    private readonly MeterListener _listener = new();
    private long _requests;

    public AllocationCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Microsoft.AspNetCore.Hosting"
                && instrument.Name == "http.server.request.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _requests));
        _listener.Start();
    }

    /// <summary>Answers <see cref="Request"/> lines with the counts so far.</summary>
    public void Answer(string line)
    {
        if (line == Request)
        {
            ReadyLine.Write(Request, new AllocationCount(GC.GetTotalAllocatedBytes(), Interlocked.Read(ref _requests)));
        }
    }

    public void Dispose() => _listener.Dispose();
}

/// <summary>Bytes allocated and requests served since the process started.</summary>
internal sealed record AllocationCount(long Bytes, long Requests);
