using Microsoft.Extensions.Hosting;

namespace ExchangeGateway.Host;

/// <summary>
/// Leaves Ctrl+C and SIGTERM to the process that embeds a server (gateway endpoint, time-stamping authority). The
/// default console lifetime would take the signal, stop the server behind its owner's back and keep the process
/// from ending; here a server stops only when its owner disposes it.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
