using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace ExchangeGateway.Host;

/// <summary>
/// Leaves Ctrl+C and SIGTERM to the process that embeds a server (gateway endpoint, time-stamping authority). The
/// default console lifetime would take the signal, stop the server behind its owner's back and keep the process
/// from ending; here a server stops only when its owner disposes it.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    /// <summary>
    /// How an embedded server is built: its content root is the program's folder, not the working folder, and no
    /// configuration file is watched. A watched working folder that holds the message log woke a file watcher at
    /// every commit: 13 % of a gateway's CPU under load.
    /// </summary>
    public static WebApplicationOptions Options => new()
    {
        Args = ["--hostBuilder:reloadConfigOnChange=false"],
        ContentRootPath = AppContext.BaseDirectory,
    };

    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
