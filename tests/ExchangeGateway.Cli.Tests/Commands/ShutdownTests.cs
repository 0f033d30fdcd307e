using System.Runtime.InteropServices;
using ExchangeGateway.Cli.Commands;
using Microsoft.Extensions.Time.Testing;

namespace ExchangeGateway.Cli.Tests.Commands;

/// <summary>What <see cref="Shutdown"/> does with the signals an operator sends (here as the runtime hands them
/// over, without sending any to the test's own process).</summary>
public sealed class ShutdownTests
{
    [Fact]
    public void TheFirstSignal_StopsInOrder_ASecondWhileThatGoesOn_EndsTheProcessAtOnce()
    {
        var time = new FakeTimeProvider();
        var shutdown = Shutdown.Listen(time, CancellationToken.None);
        var first = new PosixSignalContext(PosixSignal.SIGTERM);
        var second = new PosixSignalContext(PosixSignal.SIGINT);
        var afterwards = new PosixSignalContext(PosixSignal.SIGTERM);

        shutdown.Stop(first);
        var requested = shutdown.Requested;
        time.Advance(Shutdown.Repeat);
        shutdown.Stop(second);
        shutdown.Dispose();
        shutdown.Stop(afterwards);

        Assert.True(first.Cancel); // the runtime's own ending of the process is cancelled: the command stops itself
        Assert.True(requested);
        Assert.False(second.Cancel); // left to the runtime, which ends the process
        Assert.False(afterwards.Cancel);
    }

    [Fact]
    public void TheSameSignalTwiceAtOnce_AsAProcessGroupUnderDotnetRunGetsIt_StillStopsInOrder()
    {
        // kill -TERM -- -PGID: exgw gets the signal itself, and again from dotnet run, which passes it on.
        var time = new FakeTimeProvider();
        using var shutdown = Shutdown.Listen(time, CancellationToken.None);
        var direct = new PosixSignalContext(PosixSignal.SIGTERM);
        var passedOn = new PosixSignalContext(PosixSignal.SIGTERM);

        shutdown.Stop(direct);
        time.Advance(TimeSpan.FromMilliseconds(5));
        shutdown.Stop(passedOn);

        Assert.True(direct.Cancel);
        Assert.True(passedOn.Cancel); // not a second request: the stop in order goes on
    }
}
