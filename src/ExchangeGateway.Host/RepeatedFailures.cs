using System.Collections.Concurrent;

namespace ExchangeGateway.Host;

/// <summary>
/// The <see cref="RepeatedFailure"/> of each of several parties by name (the provider gateways a consumer calls, the
/// time-stamping authorities a gateway asks): a party's failure is said at its first, then once every
/// <see cref="RepeatedFailure.Repeat"/> at most while it goes on (how many, since when), and once when the party
/// succeeds again. A party that is down fails every call or round, and a line for each would bury the rest of the log.
/// </summary>
/// <param name="time">The clock.</param>
/// <param name="first">Says a party's first failure: its name and what went wrong.</param>
/// <param name="again">Says that it goes on failing: its name, the failure so far and what went wrong last.</param>
/// <param name="ended">Says that it succeeded again: its name and the failure that ended.</param>
internal sealed class RepeatedFailures(
    TimeProvider time,
    Action<string, string> first,
    Action<string, RepeatedFailure, string> again,
    Action<string, RepeatedFailure> ended)
{
    private readonly ConcurrentDictionary<string, RepeatedFailure> _failing = new(StringComparer.Ordinal);

    /// <summary><paramref name="party"/> failed; <paramref name="detail"/> says why.</summary>
    public void Failed(string party, string detail)
    {
        var now = time.GetUtcNow();
        var failing = _failing.GetOrAdd(party, _ => new RepeatedFailure(now));
        lock (failing)
        {
            if (!failing.Happened(now))
            {
                return;
            }

            if (failing.Count == 1)
            {
                first(party, detail);
            }
            else
            {
                again(party, failing, detail);
            }
        }
    }

    /// <summary><paramref name="party"/> succeeded: said once if it had failed.</summary>
    public void Succeeded(string party)
    {
        // No lock and no allocation while nothing fails: this runs on every call.
        if (_failing.TryGetValue(party, out _) && _failing.TryRemove(party, out var failing))
        {
            lock (failing)
            {
                ended(party, failing);
            }
        }
    }
}
