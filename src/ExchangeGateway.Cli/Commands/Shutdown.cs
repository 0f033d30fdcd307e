using System.Runtime.InteropServices;

namespace ExchangeGateway.Cli.Commands;

/// <summary>Waits until the operator asks the process to stop: Ctrl+C, SIGINT or SIGTERM (as systemd sends).</summary>
internal static class Shutdown
{
    public static async Task WaitAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void Stop(PosixSignalContext context)
        {
            // Stop in order (dispose servers, flush logs) instead of letting the runtime end the process. A second
            // signal can arrive while this method is letting go of its registrations and its token source: it is
            // then the runtime's, which ends the process at once, as a second Ctrl+C is expected to.
            context.Cancel = true;
            try
            {
                stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                context.Cancel = false;
            }
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await Console.Out.WriteLineAsync("Stopping (Ctrl+C again to stop at once).").ConfigureAwait(false);
        }
    }
}
