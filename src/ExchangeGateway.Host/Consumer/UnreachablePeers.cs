using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ExchangeGateway.Host.Consumer;

/// <summary>
/// Says when a provider gateway could not be reached: at the first call that fails, then once a minute at most while
/// calls go on failing (how many, since when), and once when a call reaches it again (<see cref="RepeatedFailure"/>).
/// A gateway that is down fails every call to it, and a line for each would bury the rest of the log.
/// </summary>
internal sealed class UnreachablePeers(TimeProvider time, ILogger logger)
{
    private readonly ConcurrentDictionary<string, RepeatedFailure> _failing = new(StringComparer.Ordinal);

    /// <summary>A call could not reach <paramref name="peer"/>; <paramref name="detail"/> says why.</summary>
    public void Failed(string peer, string detail)
    {
        var now = time.GetUtcNow();
        var failing = _failing.GetOrAdd(peer, _ => new RepeatedFailure(now));
        lock (failing)
        {
            if (!failing.Happened(now))
            {
                return;
            }

            if (failing.Count == 1)
            {
                Log.ProviderUnreachable(logger, peer, detail);
            }
            else
            {
                Log.ProviderStillUnreachable(logger, peer, failing.Since, failing.Count, detail);
            }
        }
    }

    /// <summary>A call reached <paramref name="peer"/>: said once if calls had failed to.</summary>
    public void Reached(string peer)
    {
        // No lock and no allocation while nothing fails: this runs on every call.
        if (_failing.TryGetValue(peer, out _) && _failing.TryRemove(peer, out var failing))
        {
            lock (failing)
            {
                Log.ProviderReachable(logger, peer, failing.Count, failing.Since);
            }
        }
    }
}
