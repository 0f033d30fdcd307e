using System.Collections.Concurrent;

namespace ExchangeGateway.Core.Signing;

/// <summary>
/// Remembers checks that passed, for a short while: the certificate paths already built and the batch signatures
/// already verified. One batch signature covers many messages; without this each of them would verify it again.
/// </summary>
/// <remarks>
/// Only successes are kept, each for <see cref="Lifetime"/> at most, and the whole cache is dropped when it
/// passes <see cref="Capacity"/> entries. Time-dependent checks (certificate validity at the time asked) are
/// never cached: callers repeat them on every hit.
/// </remarks>
internal sealed class VerifiedCache<TValue>
{
    /// <summary>The most entries kept.</summary>
    public const int Capacity = 8192;

    /// <summary>How long an entry is trusted.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, (long Expires, TValue Value)> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string key, out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Expires > Environment.TickCount64)
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public void Add(string key, TValue value)
    {
        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }

        _entries[key] = (Environment.TickCount64 + (long)Lifetime.TotalMilliseconds, value);
    }
}
