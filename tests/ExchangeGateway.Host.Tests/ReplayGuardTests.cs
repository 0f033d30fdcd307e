using Microsoft.Extensions.Time.Testing;

namespace ExchangeGateway.Host.Tests;

public sealed class ReplayGuardTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    [Fact]
    public void SameIdOfOneClient_IsAcceptedOnce_OtherClientsAndIdsAreNotAffected()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var guard = new ReplayGuard(Window, time);
        var now = time.GetUtcNow();

        Assert.True(guard.TryAccept("MD/GOV/1/a", "m-1", now));
        Assert.False(guard.TryAccept("MD/GOV/1/a", "m-1", now));
        Assert.False(guard.TryAccept("MD/GOV/1/a", "m-1", now - Window / 2));
        Assert.True(guard.TryAccept("MD/GOV/1/b", "m-1", now));
        Assert.True(guard.TryAccept("MD/GOV/1/a", "m-2", now));
        Assert.True(guard.TryAccept("MD/GOV/1/a\nm", "-1", now));
    }

    [Fact]
    public void Id_IsRememberedWhileItsEnvelopeCouldPass_AndForgottenAQuarterWindowLater()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var guard = new ReplayGuard(Window, time);
        var created = time.GetUtcNow();
        Assert.True(guard.TryAccept("c", "m", created));

        // A replay of the envelope itself, or a new envelope with the same id, while either could pass the skew check.
        while (time.GetUtcNow() + TimeSpan.FromSeconds(10) <= created + Window)
        {
            time.Advance(TimeSpan.FromSeconds(10));
            Assert.False(guard.TryAccept("c", "m", created));
            Assert.False(guard.TryAccept("c", "m", time.GetUtcNow()));
        }

        // Now within 10 s before the expiry; ids are kept at most a quarter window beyond it.
        time.Advance(Window / 4 + TimeSpan.FromSeconds(11));
        Assert.True(guard.TryAccept("c", "m", time.GetUtcNow()));
    }

    [Fact]
    public void EnvelopeMadeAheadOfThisClock_IsRememberedUntilItExpires()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var guard = new ReplayGuard(Window, time);
        var created = time.GetUtcNow() + Window;
        Assert.True(guard.TryAccept("c", "m", created));

        time.Advance(Window * 2 - TimeSpan.FromSeconds(1));
        Assert.False(guard.TryAccept("c", "m", created));

        time.Advance(Window / 4 + TimeSpan.FromSeconds(2));
        Assert.True(guard.TryAccept("c", "m", created));
    }

    [Fact]
    public void ReplayWhoseSkewCheckReadTheClockEarlier_IsRefused_WhereverTheExpiryFalls()
    {
        // The provider checks the skew, then the guard reads the clock again; a slot may end in between.
        for (var offset = 0; offset < 64; offset++)
        {
            var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
            var guard = new ReplayGuard(Window, time);
            var created = time.GetUtcNow() + TimeSpan.FromSeconds(offset * 0.7);
            Assert.True(guard.TryAccept("c", "m", created));

            time.Advance(created + Window - time.GetUtcNow());
            time.Advance(TimeSpan.FromSeconds(offset % 8));
            Assert.False(guard.TryAccept("c", "m", created));
        }
    }

    [Fact]
    public void TimePassingWhileTheGuardReadsTheClock_NeverShortensMemory()
    {
        // Each reading of the wall clock takes 2 ms. The envelope expires 1 ms into the guard's 10th eighth; its
        // replay's skew check reads the clock at that last passing instant, the guard an eighth less 1 ms later.
        var window = TimeSpan.FromSeconds(8);
        var eighth = window.Ticks / 8;
        var millisecond = TimeSpan.TicksPerMillisecond;
        var time = new SteppedClock(DateTimeOffset.UtcNow) { WallReadTakes = TimeSpan.FromMilliseconds(2) };
        var guard = new ReplayGuard(window, time);
        time.Run(TimeSpan.FromTicks(2 * eighth - millisecond));
        var created = time.GetUtcNow();
        Assert.True(guard.TryAccept("c", "m", created));

        time.Run(TimeSpan.FromTicks(11 * eighth - time.GetTimestamp()));
        Assert.False(guard.TryAccept("c", "m", created));
    }

    [Fact]
    public void EnvelopeTheGuardSeesExpired_IsKeptNoMoreThanAQuarterWindowBeyondItsExpiry()
    {
        var window = TimeSpan.FromSeconds(8);
        var eighth = window / 8;
        var time = new SteppedClock(DateTimeOffset.UtcNow);
        var guard = new ReplayGuard(window, time);
        var created = time.GetUtcNow() + eighth / 10;
        time.Run(window + eighth);
        Assert.True(guard.TryAccept("c", "m", created));

        time.Run(created + window + eighth * 2 + TimeSpan.FromMilliseconds(1) - time.GetUtcNow());
        Assert.True(guard.TryAccept("c", "m", time.GetUtcNow()));
    }

    [Fact]
    public void EnvelopeExpiredBeforeTheGuardsFirstSlotEnds_IsKeptNoMoreThanAQuarterWindow()
    {
        var window = TimeSpan.FromSeconds(8);
        var eighth = window / 8;
        var time = new SteppedClock(DateTimeOffset.UtcNow);
        var guard = new ReplayGuard(window, time);
        var created = time.GetUtcNow() - window - eighth / 2;
        Assert.True(guard.TryAccept("c", "m", created));

        time.Run(eighth * 1.5 + TimeSpan.FromMilliseconds(1));
        Assert.True(guard.TryAccept("c", "m", time.GetUtcNow()));
    }

    [Fact]
    public void AfterAPauseThatEmptiedEverySet_NewSetsAreNotSizedToTheCallsBeforeIt()
    {
        var window = TimeSpan.FromSeconds(8);
        var eighth = window / 8;
        var time = new SteppedClock(DateTimeOffset.UtcNow);
        var guard = new ReplayGuard(window, time);
        for (var i = 0; i < 10_000; i++)
        {
            Assert.True(guard.TryAccept("c", $"burst-{i}", time.GetUtcNow()));
        }

        // Twelve eighths: every id has expired, though the ring has not gone round.
        time.Run(eighth * 12);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            time.Run(eighth);
            Assert.True(guard.TryAccept("c", $"trickle-{i}", time.GetUtcNow()));
        }

        // A set sized to the burst alone would take some 360 KB.
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 64 * 1024);
    }

    [Fact]
    public void WallClockSteppedAheadAndBack_ForgetsNothingEarly()
    {
        var time = new SteppedClock(DateTimeOffset.UtcNow);
        var guard = new ReplayGuard(Window, time);
        var created = time.GetUtcNow();
        Assert.True(guard.TryAccept("c", "m", created));

        time.Step(TimeSpan.FromHours(1));
        time.Run(TimeSpan.FromSeconds(30));
        Assert.True(guard.TryAccept("c", "other", time.GetUtcNow()));
        time.Step(-TimeSpan.FromHours(1));
        Assert.False(guard.TryAccept("c", "m", created));
    }

    [Fact]
    public void WallClockSteppedBack_IdsAreStillForgottenByElapsedTime()
    {
        var time = new SteppedClock(DateTimeOffset.UtcNow);
        var guard = new ReplayGuard(Window, time);
        time.Step(-TimeSpan.FromHours(2));
        Assert.True(guard.TryAccept("c", "m", time.GetUtcNow()));

        time.Run(Window + Window / 4 + TimeSpan.FromSeconds(1));
        Assert.True(guard.TryAccept("c", "m", time.GetUtcNow()));
    }

    [Fact]
    public void LongPause_ForgetsEverything_AndGuardsAgainAfterIt()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var guard = new ReplayGuard(Window, time);
        for (var i = 0; i < 1000; i++)
        {
            Assert.True(guard.TryAccept("c", $"m-{i}", time.GetUtcNow()));
        }

        time.Advance(Window * 10);
        Assert.True(guard.TryAccept("c", "m-1", time.GetUtcNow()));
        Assert.False(guard.TryAccept("c", "m-1", time.GetUtcNow()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(300)]
    [InlineData(86_400)]
    public void RandomCalls_NeverAcceptAReplayOfAnEnvelopeThatStillPasses(int windowSeconds)
    {
        // Envelopes anywhere the skew check lets through, replays of them, the guard reading the clock up to a
        // sixteenth window after the check, time moving in steps around the guard's slots (an eighth window).
        var window = TimeSpan.FromSeconds(windowSeconds);
        var random = new Random(windowSeconds);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var guard = new ReplayGuard(window, time);
        var first = new Dictionary<string, DateTimeOffset>();
        for (var step = 0; step < 20_000; step++)
        {
            time.Advance(TimeSpan.FromTicks(random.NextInt64(window.Ticks / 6)));
            var checkedAt = time.GetUtcNow();
            var id = $"m-{random.Next(256)}";
            var created = first.TryGetValue(id, out var earlier) && random.Next(2) == 0
                ? earlier
                : checkedAt + TimeSpan.FromTicks(random.NextInt64(-window.Ticks, window.Ticks + 1));
            if ((checkedAt - created).Duration() > window)
            {
                continue;
            }

            time.Advance(TimeSpan.FromTicks(random.NextInt64(window.Ticks / 16)));
            if (guard.TryAccept("c", id, created))
            {
                Assert.False(first.TryGetValue(id, out var still) && checkedAt <= still + window,
                    $"step {step}: {id} accepted again while its envelope of {still:O} still passed");
                first[id] = created;
            }
        }
    }

    [Fact]
    public async Task ConcurrentCallsWithOneId_AcceptExactlyOne()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var guard = new ReplayGuard(Window, time);

        var accepted = await Task.WhenAll(
            Enumerable.Range(0, 64).Select(_ => Task.Run(() => guard.TryAccept("c", "m", time.GetUtcNow()))));

        Assert.Equal(1, accepted.Count(a => a));
    }

    /// <summary>A wall clock that can be stepped either way apart from the elapsed time, which only runs.</summary>
    private sealed class SteppedClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _wall = start;
        private long _elapsed;

        /// <summary>Time that passes, on both clocks, each time the wall clock is read.</summary>
        public TimeSpan WallReadTakes { get; init; }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override DateTimeOffset GetUtcNow()
        {
            Run(WallReadTakes);
            return _wall;
        }

        public override long GetTimestamp() => _elapsed;

        public void Step(TimeSpan by) => _wall += by;

        public void Run(TimeSpan by)
        {
            _wall += by;
            _elapsed += by.Ticks;
        }
    }
}
