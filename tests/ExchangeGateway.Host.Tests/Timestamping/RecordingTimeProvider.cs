using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace ExchangeGateway.Host.Tests.Timestamping;

/// <summary>
/// A fake clock that also records the due time of every timer made with one, so that a test can see a backoff
/// delay being waited for before it moves the clock.
/// </summary>
internal sealed class RecordingTimeProvider(FakeTimeProvider fake) : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _timers = new();

    /// <summary>Due times of the timers made with a finite first due time, in order.</summary>
    public IReadOnlyList<TimeSpan> Timers => [.. _timers];

    public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

    public override long GetTimestamp() => fake.GetTimestamp();

    public override long TimestampFrequency => fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _timers.Enqueue(dueTime);
        }

        return fake.CreateTimer(callback, state, dueTime, period);
    }
}
