using System.Runtime.InteropServices;

namespace ExchangeGateway.Cli.Commands;

/// <summary>
/// Listens, from the moment it is made, for the operator asking the process to stop: Ctrl+C, SIGINT or SIGTERM (as
/// systemd sends). A command makes it before it starts its servers, so that a stop asked for while they start is
/// kept and honoured once they have started, in order, rather than ending the process at once.
/// </summary>
internal sealed class Shutdown : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    private Shutdown(CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    }

    /// <summary>Starts listening; <paramref name="cancellationToken"/> asks for a stop as well.</summary>
    public static Shutdown Listen(CancellationToken cancellationToken) => new(cancellationToken);

    /// <summary>Whether a stop has been asked for.</summary>
    public bool Requested => _stop.IsCancellationRequested;

    /// <summary>Waits until a stop is asked for (at once if one already was), then says so.</summary>
    public async Task WaitAsync()
    {
        try
        {
            await Task.Delay(Timeout.Infinite, _stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await Console.Out.WriteLineAsync("Stopping (a second Ctrl+C or SIGTERM stops at once).")
                .ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _stop.Dispose();
    }

    internal void Stop(PosixSignalContext context)
    {
        // The first signal stops in order (dispose servers, flush logs) instead of letting the runtime end the
        // process. A second one, while that goes on, is left to the runtime, which ends the process at once, as the
        // line printed promises; so is one that arrives while this object lets go of its token source.
        try
        {
            context.Cancel = !_stop.IsCancellationRequested;
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            context.Cancel = false;
        }
    }
}
