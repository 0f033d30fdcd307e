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
            // Stop in order (dispose servers, flush logs) instead of letting the runtime end the process.
            context.Cancel = true;
            stop.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await Console.Out.WriteLineAsync("Stopping.").ConfigureAwait(false);
        }
    }
}
