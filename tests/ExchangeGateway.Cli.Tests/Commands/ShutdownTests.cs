using System.Runtime.InteropServices;
using ExchangeGateway.Cli.Commands;

namespace ExchangeGateway.Cli.Tests.Commands;

/// <summary>What <see cref="Shutdown"/> does with the signals an operator sends (here as the runtime hands them
/// over, without sending any to the test's own process).</summary>
public sealed class ShutdownTests
{
    [Fact]
    public void TheFirstSignal_StopsInOrder_ASecondWhileThatGoesOn_EndsTheProcessAtOnce()
    {
        var shutdown = Shutdown.Listen(CancellationToken.None);
        var first = new PosixSignalContext(PosixSignal.SIGTERM);
        var second = new PosixSignalContext(PosixSignal.SIGINT);
        var afterwards = new PosixSignalContext(PosixSignal.SIGTERM);

        shutdown.Stop(first);
        var requested = shutdown.Requested;
        shutdown.Stop(second);
        shutdown.Dispose();
        shutdown.Stop(afterwards);

        Assert.True(first.Cancel); // the runtime's own ending of the process is cancelled: the command stops itself
        Assert.True(requested);
        Assert.False(second.Cancel); // left to the runtime, which ends the process
        Assert.False(afterwards.Cancel);
    }
}
