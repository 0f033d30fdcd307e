using ExchangeGateway.Registries.Data;
using ExchangeGateway.Registries.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExchangeGateway.Registries;

/// <summary>
/// A demo agency registry running as a gRPC server on loopback, over plain HTTP/2 (h2c), answering from a
/// generated <see cref="Population"/>.
/// </summary>
/// <remarks>
/// The server reads no configuration files and no environment variables: it listens on 127.0.0.1 only, on the
/// port given or one the operating system picks. Dispose it to stop the server.
/// </remarks>
public sealed class DemoRegistry : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication app;
    private int disposed;

    private DemoRegistry(WebApplication app, RegistryKind kind, Uri address)
    {
        this.app = app;
        Kind = kind;
        Address = address;
        Services = RegistryHost.ServicesOf(kind);
    }

    /// <summary>The address to call, <c>http://127.0.0.1:PORT</c>.</summary>
    public Uri Address { get; }

    /// <summary>The agency whose registry this is.</summary>
    public RegistryKind Kind { get; }

    /// <summary>The full names of the gRPC services served, e.g. <c>migration.v1.ResidencePermits</c>.</summary>
    public IReadOnlyList<string> Services { get; }

    /// <summary>Starts the registry of an agency.</summary>
    /// <param name="kind">The agency.</param>
    /// <param name="population">The persons and records to answer from.</param>
    /// <param name="port">The loopback port, or 0 (the default) to let the operating system pick a free one.</param>
    /// <param name="loggerFactory">Where the server logs; null (the default) logs nothing.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running registry.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The kind or the port is out of range.</exception>
    /// <exception cref="IOException">The port is in use.</exception>
    public static async Task<DemoRegistry> StartAsync(
        RegistryKind kind,
        Population population,
        int port = 0,
        ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(population);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown registry kind.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, System.Net.IPEndPoint.MaxPort);

        loggerFactory ??= NullLoggerFactory.Instance;
        var app = RegistryHost.Build(kind, population, port, loggerFactory);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = RegistryHost.BoundAddress(app);
        RegistryLog.RegistryStarted(loggerFactory.CreateLogger<DemoRegistry>(), kind, address);
        return new DemoRegistry(app, kind, address);
    }

    /// <summary>Stops the server, giving calls in progress up to five seconds to finish.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        using (var timeout = new CancellationTokenSource(ShutdownTimeout))
        {
            await app.StopAsync(timeout.Token);
        }

        await app.DisposeAsync();
    }
}
