using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace ExchangeGateway.Host.Tests.Logging;

public sealed class QueuedSinkTests
{
    [Fact]
    public async Task Events_ReachTheSinkWithinAFewPeriods_InOrder()
    {
        var target = new Collecting();
        using var sink = new QueuedSink(target, TimeSpan.FromMilliseconds(20));

        for (var i = 0; i < 100; i++)
        {
            sink.Emit(Event($"line {i}"));
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (target.Count < 100 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"line {i}"), target.Texts());
    }

    [Fact]
    public void Dispose_WritesEverythingQueued_AndDisposesTheSink()
    {
        var target = new Collecting();
        var sink = new QueuedSink(target, TimeSpan.FromHours(1));
        for (var i = 0; i < 1000; i++)
        {
            sink.Emit(Event($"line {i}"));
        }

        sink.Dispose();

        Assert.Equal(1000, target.Count);
        Assert.True(target.Disposed);
    }

    [Fact]
    public void BeyondTheLimit_EventsAreDropped_AndTheCountIsWritten()
    {
        var target = new Collecting();
        var sink = new QueuedSink(target, TimeSpan.FromHours(1));
        for (var i = 0; i < QueuedSink.Limit + 5; i++)
        {
            sink.Emit(Event("x"));
        }

        sink.Dispose();

        Assert.Equal(QueuedSink.Limit + 1, target.Count);
        Assert.Equal($"5 log events were dropped: more than {QueuedSink.Limit} were waiting", target.Texts()[^1]);
    }

    [Fact]
    public void ASinkThatThrows_DoesNotStopTheRest()
    {
        var target = new Collecting { FailOn = "bad" };
        var sink = new QueuedSink(target, TimeSpan.FromHours(1));
        sink.Emit(Event("before"));
        sink.Emit(Event("bad"));
        sink.Emit(Event("after"));

        sink.Dispose();

        Assert.Equal(["before", "after"], target.Texts());
    }

    private static LogEvent Event(string text) => new(DateTimeOffset.UtcNow, LogEventLevel.Information, null,
        new MessageTemplate(text, [new TextToken(text)]), []);

    private sealed class Collecting : ILogEventSink, IDisposable
    {
        private readonly List<LogEvent> _events = [];

        public string? FailOn { get; init; }

        public bool Disposed { get; private set; }

        public int Count
        {
            get
            {
                lock (_events)
                {
                    return _events.Count;
                }
            }
        }

        public void Emit(LogEvent logEvent)
        {
            if (logEvent.MessageTemplate.Text == FailOn)
            {
                throw new IOException("disk full");
            }

            lock (_events)
            {
                _events.Add(logEvent);
            }
        }

        public List<string> Texts()
        {
            lock (_events)
            {
                return _events.Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            }
        }

        public void Dispose() => Disposed = true;
    }
}
