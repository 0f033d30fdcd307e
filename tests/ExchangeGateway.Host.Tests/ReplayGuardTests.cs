using Microsoft.Extensions.Time.Testing;

namespace ExchangeGateway.Host.Tests;

public sealed class ReplayGuardTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    [Fact]
    public void SameIdOfOneClient_IsAcceptedOnce_OtherClientsAndIdsAreNotAffected()
    {
        var guard = new ReplayGuard(Window, new FakeTimeProvider(DateTimeOffset.UtcNow));

        Assert.True(guard.TryAccept("MD/GOV/1/a", "m-1"));
        Assert.False(guard.TryAccept("MD/GOV/1/a", "m-1"));
        Assert.True(guard.TryAccept("MD/GOV/1/b", "m-1"));
        Assert.True(guard.TryAccept("MD/GOV/1/a", "m-2"));
        Assert.True(guard.TryAccept("MD/GOV/1/a\nm", "-1"));
    }

    [Fact]
    public void Id_IsRememberedForTwiceTheWindow_AndForgottenLater()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var guard = new ReplayGuard(Window, time);
        Assert.True(guard.TryAccept("c", "m"));

        for (var step = 0; step < 8; step++)
        {
            time.Advance(Window / 4);
            Assert.False(guard.TryAccept("c", "m"));
        }

        time.Advance(Window * 3);
        Assert.True(guard.TryAccept("c", "m"));
    }

    [Fact]
    public async Task ConcurrentCallsWithOneId_AcceptExactlyOne()
    {
        var guard = new ReplayGuard(Window, new FakeTimeProvider(DateTimeOffset.UtcNow));

        var accepted = await Task.WhenAll(
            Enumerable.Range(0, 64).Select(_ => Task.Run(() => guard.TryAccept("c", "m"))));

        Assert.Equal(1, accepted.Count(a => a));
    }
}
