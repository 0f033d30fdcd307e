using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ExchangeGateway.Host;

/// <summary>
/// Accepts a message id once per client. Envelopes older or newer than the clock skew are refused anyway, so an id
/// needs remembering only for twice that long; after a restart the same bound holds from the first call on.
/// </summary>
/// <remarks>
/// Ids are kept as 128 bits of SHA-256 over client and id, in a ring of sets that each cover half the window: a
/// call checks them all and adds to the newest; when time moves on, the oldest set is dropped whole. Memory is thus
/// bounded by the call rate over two and a half windows, and no call ever scans what older calls left.
/// </remarks>
internal sealed class ReplayGuard
{
    private const int Slots = 5;

    private readonly HashSet<UInt128>[] _slots = Enumerable.Range(0, Slots).Select(_ => new HashSet<UInt128>())
        .ToArray();
    private readonly long _slotTicks;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private long _newest;

    public ReplayGuard(TimeSpan window, TimeProvider time)
    {
        _slotTicks = Math.Max(1, window.Ticks / 2);
        _time = time;
        _newest = time.GetUtcNow().UtcTicks / _slotTicks;
    }

    /// <summary>
    /// True the first time <paramref name="client"/> uses <paramref name="messageId"/> within the window.
    /// </summary>
    public bool TryAccept(string client, string messageId)
    {
        var key = Key(client, messageId);
        var slot = _time.GetUtcNow().UtcTicks / _slotTicks;
        lock (_lock)
        {
            Advance(slot);
            foreach (var seen in _slots)
            {
                if (seen.Contains(key))
                {
                    return false;
                }
            }

            return _slots[_newest % Slots].Add(key);
        }
    }

    private void Advance(long slot)
    {
        // Each slot passed clears the set that held the oldest ids; a long pause clears them all.
        for (var next = _newest + 1; next <= slot && next <= _newest + Slots; next++)
        {
            _slots[next % Slots].Clear();
        }

        _newest = Math.Max(_newest, slot);
    }

    private static UInt128 Key(string client, string messageId)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(client, "\n", messageId)), digest);
        return BinaryPrimitives.ReadUInt128LittleEndian(digest);
    }
}
