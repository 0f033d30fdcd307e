using Microsoft.Extensions.Hosting;

namespace ExchangeGateway.Registries.Hosting;

/// <summary>
/// A host lifetime that leaves Ctrl+C and SIGTERM to the process that embeds the registry. The default console
/// lifetime would install a signal handler per registry and stop each one on its own, behind the caller's back;
/// here the registry stops only when its owner disposes it.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
