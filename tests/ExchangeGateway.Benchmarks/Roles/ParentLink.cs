using System.Runtime.InteropServices;

namespace ExchangeGateway.Benchmarks.Roles;

/// <summary>
/// How a role process knows to stop: its standard input closes (the benchmark asked it to stop, or the benchmark
/// died and the pipe closed with it) or it gets SIGTERM or SIGINT. So no role outlives the run.
/// </summary>
internal static class ParentLink
{
    /// <summary>Completes when the role should stop. Reads and ignores standard input until it ends.</summary>
    public static Task StopRequested()
    {
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var registrations = new[]
        {
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Cancel(context, stop)),
            PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Cancel(context, stop)),
        };
        _ = Task.Run(async () =>
        {
            using var input = Console.OpenStandardInput();
            var buffer = new byte[256];
            while (await input.ReadAsync(buffer).ConfigureAwait(false) > 0)
            {
                // Nothing to read here: only the end of the stream matters.
            }

            stop.TrySetResult();
        });
        _ = stop.Task.ContinueWith(_ => Array.ForEach(registrations, r => r.Dispose()), TaskScheduler.Default);
        return stop.Task;
    }

    private static void Cancel(PosixSignalContext context, TaskCompletionSource stop)
    {
        context.Cancel = true;
        stop.TrySetResult();
    }
}
