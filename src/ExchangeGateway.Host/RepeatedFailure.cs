namespace ExchangeGateway.Host;

/// <summary>
/// A failure that repeats with every call or round while it lasts (a peer gateway that is down, time-stamping
/// authorities that do not answer): said at the first, then once every <see cref="Repeat"/> at most with how many so
/// far, and once by its owner when it ends. Not thread-safe: its owner serialises the calls.
/// </summary>
internal sealed class RepeatedFailure(DateTimeOffset since)
{
    /// <summary>The least time between two lines about one failure.</summary>
    public static readonly TimeSpan Repeat = TimeSpan.FromMinutes(1);

    private DateTimeOffset _said = since;

    /// <summary>When the failure began.</summary>
    public DateTimeOffset Since { get; } = since;

    /// <summary>How many times it happened so far.</summary>
    public int Count { get; private set; }

    /// <summary>Counts one more time at <paramref name="now"/>; true when that is to be said: the first time, or the
    /// first since <see cref="Repeat"/> after the last one said.</summary>
    public bool Happened(DateTimeOffset now)
    {
        Count++;
        if (Count > 1 && now - _said < Repeat)
        {
            return false;
        }

        _said = now;
        return true;
    }
}
