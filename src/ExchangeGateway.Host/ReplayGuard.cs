using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ExchangeGateway.Host;

/// <summary>
/// Accepts a message id once per client for as long as an envelope with it could pass the clock-skew check: an
/// envelope made at <c>created</c> is refused from <c>created + window</c> on, so its id is remembered until then
/// and no longer.
/// </summary>
/// <remarks>
/// Ids are kept as 128 bits of SHA-256 over client and id, in a ring of sets by the time they may be forgotten, each
/// set covering a quarter of the window: a call checks them all and adds to the set of its id's expiry. When time
/// moves on, the sets whose time has passed are emptied and give their memory back; a set that starts filling again
/// is sized at once to what the last emptied one held. Memory thus follows the call rate of the last window and a
/// quarter, about 36 bytes a call, and falls with it; no call ever scans what older calls left.
/// </remarks>
internal sealed class ReplayGuard
{
    private const int SlotsPerWindow = 4;

    // Expiries run from now to two windows ahead (an envelope made up to a window in the future), in whole slots.
    private const int Slots = 2 * SlotsPerWindow + 2;

    private readonly HashSet<UInt128>[] _slots = Enumerable.Range(0, Slots).Select(_ => new HashSet<UInt128>())
        .ToArray();
    private readonly TimeSpan _window;
    private readonly long _slotTicks;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private long _current;

    // How many ids the set emptied last held: the size to give the next set that starts filling.
    private int _lastCount;

    public ReplayGuard(TimeSpan window, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _window = window;
        _slotTicks = Math.Max(1, window.Ticks / SlotsPerWindow);
        _time = time;
        _current = time.GetUtcNow().UtcTicks / _slotTicks;
    }

    /// <summary>
    /// True the first time <paramref name="client"/> uses <paramref name="messageId"/> while an envelope made at
    /// <paramref name="created"/> is within the window of now.
    /// </summary>
    public bool TryAccept(string client, string messageId, DateTimeOffset created)
    {
        var key = Key(client, messageId);
        var now = _time.GetUtcNow().UtcTicks / _slotTicks;
        var expiry = (created + _window).UtcTicks / _slotTicks;
        lock (_lock)
        {
            Advance(now);
            foreach (var seen in _slots)
            {
                if (seen.Contains(key))
                {
                    return false;
                }
            }

            // Within the ring: an expiry already past (the skew check refuses such envelopes first) is kept to the
            // end of the current slot, one beyond the ring (refused likewise) to the end of the ring's last slot.
            var set = _slots[Math.Clamp(expiry, _current, _current + Slots - 1) % Slots];
            if (set.Count == 0)
            {
                set.EnsureCapacity(_lastCount);
            }

            return set.Add(key);
        }
    }

    private void Advance(long now)
    {
        // Each slot passed empties the set of the ids that expired in it; a long pause empties them all.
        for (var passed = _current; passed < now && passed < _current + Slots; passed++)
        {
            var set = _slots[passed % Slots];
            if (set.Count > 0)
            {
                _lastCount = set.Count;
                set.Clear();
                set.TrimExcess();
            }
        }

        _current = Math.Max(_current, now);
    }

    private static UInt128 Key(string client, string messageId)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(client, "\n", messageId)), digest);
        return BinaryPrimitives.ReadUInt128LittleEndian(digest);
    }
}
