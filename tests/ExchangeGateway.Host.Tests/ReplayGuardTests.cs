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
    public void Id_IsRememberedWhileItsEnvelopeCouldPass_AndForgottenAfterAQuarterWindowMore()
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

        // Now within 10 s before the expiry; the quarter window that holds it ends at most a quarter after it.
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

    [Fact]
    public async Task ConcurrentCallsWithOneId_AcceptExactlyOne()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var guard = new ReplayGuard(Window, time);

        var accepted = await Task.WhenAll(
            Enumerable.Range(0, 64).Select(_ => Task.Run(() => guard.TryAccept("c", "m", time.GetUtcNow()))));

        Assert.Equal(1, accepted.Count(a => a));
    }
}
