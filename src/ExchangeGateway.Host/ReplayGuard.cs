using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ExchangeGateway.Host;

/// <summary>
/// Accepts a message id once per client for as long as an envelope with it could pass the clock-skew check: an
/// envelope made at <c>created</c> passes until <c>created + window</c>, so its id is remembered at least that long
/// and at most a quarter window longer.
/// </summary>
/// <remarks>
/// <para>
/// Ids are kept as 128 bits of SHA-256 over client and id, in a ring of sets by the time they may be forgotten, each
/// set covering an eighth of the window: a call checks them all and adds to the set of its id's expiry. A set is
/// emptied, and gives its memory back, once the eighth after its own has passed too: the spare eighth covers a call
/// whose skew check read the clock a little before this guard did. A set that starts filling again is sized at once
/// to what the last emptied one held, unless every set was empty. For envelopes made now, memory thus follows
/// the call rate of the last window and an eighth to a quarter (about 36 bytes a call) and falls about two windows
/// and a half after the rate does, at the first call then; no call ever scans what older calls left.
/// </para>
/// <para>
/// Expiries are turned into times of the monotonic clock when an id is accepted, so stepping the wall clock neither
/// empties the sets early nor piles ids up until it catches up. What no guard in memory can do: if the wall clock is
/// stepped back, envelopes made before the step pass the skew check again after their ids were forgotten.
/// </para>
/// </remarks>
internal sealed class ReplayGuard
{
    private const int SlotsPerWindow = 8;

    // Expiries run from now to two windows ahead (an envelope made up to a window in the future) in whole slots, and
    // the slot just passed is kept.
    private const int Slots = 2 * SlotsPerWindow + 3;

    private readonly HashSet<UInt128>[] _slots = Enumerable.Range(0, Slots).Select(_ => new HashSet<UInt128>())
        .ToArray();
    private readonly TimeSpan _window;
    private readonly long _slotTicks;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly Lock _lock = new();

    // The slot of the monotonic clock the last call saw; the sets of the slots before the one before it are empty.
    private long _current;

    // How many ids the set emptied last held: the size to give the next set that starts filling.
    private int _lastCount;

    // How many ids all the sets hold.
    private long _held;

    public ReplayGuard(TimeSpan window, TimeProvider time)
    {
        // A second is the least clockSkewSeconds allows; below some ticks the ring could not reach an expiry.
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.FromSeconds(1));
        _window = window;
        _slotTicks = window.Ticks / SlotsPerWindow;
        _time = time;
        _started = time.GetTimestamp();
    }

    /// <summary>
    /// True the first time <paramref name="client"/> uses <paramref name="messageId"/> while an envelope made at
    /// <paramref name="created"/> could pass the skew check.
    /// </summary>
    public bool TryAccept(string client, string messageId, DateTimeOffset created)
    {
        var key = Key(client, messageId);
        lock (_lock)
        {
            // Under the lock, so that no later reading moves the ring first; the wall clock first, so that time passing
            // between the two readings makes an id kept longer, never shorter.
            var wall = _time.GetUtcNow();
            var elapsed = _time.GetElapsedTime(_started).Ticks;
            var expires = elapsed + (created + _window - wall).Ticks;
            var now = elapsed / _slotTicks;

            // An expiry the guard's clock already sees passed (the skew check read the clock a little earlier) is
            // kept in the slot just passed at the earliest, which stays until the next one begins.
            var expiry = expires < 0 ? now - 1 : Math.Max(now - 1, expires / _slotTicks);
            Advance(now);
            foreach (var seen in _slots)
            {
                if (seen.Count > 0 && seen.Contains(key))
                {
                    return false;
                }
            }

            // No envelope that passes the skew check expires beyond the ring's last slot.
            var set = _slots[(Math.Clamp(expiry, _current - 1, _current + Slots - 2) + Slots) % Slots];
            if (set.Count == 0)
            {
                set.EnsureCapacity(_lastCount);
            }

            // No set holds the key (checked above), so it is added.
            set.Add(key);
            _held++;
            return true;
        }
    }

    private void Advance(long now)
    {
        // Entering slot n empties the set of slot n - 2; a long pause empties them all.
        for (var next = _current + 1; next <= now && next <= _current + Slots; next++)
        {
            var set = _slots[(next - 2 + Slots) % Slots];
            if (set.Count > 0)
            {
                _held -= set.Count;
                _lastCount = set.Count;
                set.Clear();
                set.TrimExcess();
            }
        }

        if (_held == 0)
        {
            // A pause emptied them all: what the sets held before it says nothing of the calls after it.
            _lastCount = 0;
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
