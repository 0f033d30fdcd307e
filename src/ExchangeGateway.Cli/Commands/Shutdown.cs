using System.Runtime.InteropServices;

namespace ExchangeGateway.Cli.Commands;

/// <summary>
/// Listens, from the moment it is made, for the operator asking the process to stop: Ctrl+C, SIGINT or SIGTERM (as
/// systemd sends). A command makes it before it starts its servers, so that a stop asked for while they start is
/// kept and honoured once they have started, in order, rather than ending the process at once.
/// </summary>
internal sealed class Shutdown : IDisposable
{
    /// <summary>
    /// How long after the first signal another is taken for the same request, not for a second one: a SIGTERM to
    /// the process group (systemd's default, or <c>kill -- -PGID</c>) reaches <c>exgw</c> both directly and through
    /// <c>dotnet run</c>, which passes it on at once.
    /// </summary>
    public static readonly TimeSpan Repeat = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private long _first;

    private Shutdown(TimeProvider time, CancellationToken cancellationToken)
    {
        _time = time;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    }

    /// <summary>Starts listening; <paramref name="cancellationToken"/> asks for a stop as well.</summary>
    public static Shutdown Listen(CancellationToken cancellationToken) => new(TimeProvider.System, cancellationToken);

    /// <summary>Starts listening, telling a repeated signal from a second one by <paramref name="time"/>.</summary>
    internal static Shutdown Listen(TimeProvider time, CancellationToken cancellationToken) =>
        new(time, cancellationToken);

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
        // process; so does the same request arriving again within Repeat. A second one later, while that goes on,
        // is left to the runtime, which ends the process at once, as the line printed promises; so is one that
        // arrives while this object lets go of its token source.
        lock (_gate)
        {
            try
            {
                if (!_stop.IsCancellationRequested)
                {
                    _first = _time.GetTimestamp();
                    context.Cancel = true;
                    _stop.Cancel();
                    return;
                }

                context.Cancel = _time.GetElapsedTime(_first) < Repeat;
            }
            catch (ObjectDisposedException)
            {
                context.Cancel = false;
            }
        }
    }
}
