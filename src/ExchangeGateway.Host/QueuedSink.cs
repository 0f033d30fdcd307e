using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Debugging;
using Serilog.Events;

namespace ExchangeGateway.Host;

/// <summary>
/// Hands log events to a sink from a background task that wakes on a period, not on every event: a caller only
/// enqueues, and nothing is woken per line.
/// </summary>
/// <remarks>
/// Serilog.Sinks.Async wakes its pump thread for each event, and the pump spins before it sleeps again: at one call
/// at a time that spinning took about a fifth of a gateway's CPU samples. Here lines reach the sink at most one
/// period late. Beyond <see cref="Limit"/> waiting events new ones are dropped and counted (a log line that stalls
/// a call would be worse), and the count is written once the queue has room. Disposing writes everything queued.
/// </remarks>
internal sealed class QueuedSink : ILogEventSink, IDisposable
{
    /// <summary>The most events that wait for the sink.</summary>
    public const int Limit = 100_000;

    private readonly ILogEventSink _sink;
    private readonly ConcurrentQueue<LogEvent> _queue = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;
    private int _count;
    private long _dropped;

    public QueuedSink(ILogEventSink sink, TimeSpan period)
    {
        _sink = sink;
        using (ExecutionContext.SuppressFlow())
        {
            _pump = Task.Run(() => PumpAsync(period));
        }
    }

    /// <inheritdoc />
    public void Emit(LogEvent logEvent)
    {
        if (Interlocked.Increment(ref _count) > Limit)
        {
            Interlocked.Decrement(ref _count);
            Interlocked.Increment(ref _dropped);
            return;
        }

        _queue.Enqueue(logEvent);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        _pump.GetAwaiter().GetResult();
        Drain();
        (_sink as IDisposable)?.Dispose();
        _stop.Dispose();
    }

    private async Task PumpAsync(TimeSpan period)
    {
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                Drain();
            }
        }
        catch (OperationCanceledException)
        {
            // Disposing: the caller drains what is left.
        }
    }

    private void Drain()
    {
        while (_queue.TryDequeue(out var logEvent))
        {
            Interlocked.Decrement(ref _count);
            Write(logEvent);
        }

        var dropped = Interlocked.Exchange(ref _dropped, 0);
        if (dropped > 0)
        {
            var text = $"{dropped} log events were dropped: more than {Limit} were waiting";
            Write(new LogEvent(DateTimeOffset.Now, LogEventLevel.Warning, null,
                new MessageTemplate(text, [new Serilog.Parsing.TextToken(text)]), []));
        }
    }

    private void Write(LogEvent logEvent)
    {
        try
        {
            _sink.Emit(logEvent);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            SelfLog.WriteLine("QueuedSink could not write an event: {0}", ex);
        }
    }
}
