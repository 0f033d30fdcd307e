using System.Collections.Concurrent;

namespace ExchangeGateway.Host;

/// <summary>
/// Accepts a message id once per client. Envelopes older or newer than the clock skew are refused anyway, so an id
/// needs remembering only for twice that long; after a restart the same bound holds from the first call on.
/// </summary>
internal sealed class ReplayGuard(TimeSpan window, TimeProvider time)
{
    private const int PurgeAbove = 100_000;

    private readonly ConcurrentDictionary<(string Client, string MessageId), long> _seen = new();

    /// <summary>
    /// True the first time <paramref name="client"/> uses <paramref name="messageId"/> within the window.
    /// </summary>
    public bool TryAccept(string client, string messageId)
    {
        var now = time.GetUtcNow().UtcTicks;
        var expires = now + (2 * window).Ticks;
        if (_seen.Count > PurgeAbove)
        {
            Purge(now);
        }

        while (true)
        {
            if (_seen.TryAdd((client, messageId), expires))
            {
                return true;
            }

            if (!_seen.TryGetValue((client, messageId), out var until) || until > now)
            {
                return false;
            }

            // An entry that outlived its window: replace it, unless another call got there first.
            if (_seen.TryUpdate((client, messageId), expires, until))
            {
                return true;
            }
        }
    }

    private void Purge(long now)
    {
        foreach (var (key, until) in _seen)
        {
            if (until <= now)
            {
                _seen.TryRemove(key, out _);
            }
        }
    }
}
