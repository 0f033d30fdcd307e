using System.Runtime.InteropServices;

namespace ExchangeGateway.Benchmarks.Roles;

/// <summary>
/// How a role process knows to stop: its standard input closes (the benchmark asked it to stop, or the benchmark
/// died and the pipe closed with it) or it gets SIGTERM or SIGINT. So no role outlives the run. Lines read before
/// that are requests, handed to the role.
/// </summary>
internal static class ParentLink
{
    /// <summary>Completes when the role should stop; each line on standard input before that goes to
    /// <paramref name="request"/>.</summary>
    public static Task StopRequested(Action<string>? request = null)
    {
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var registrations = new[]
        {
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Cancel(context, stop)),
            PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Cancel(context, stop)),
        };
        _ = Task.Run(async () =>
        {
            using var input = new StreamReader(Console.OpenStandardInput());
            while (await input.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                request?.Invoke(line);
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
