using ExchangeGateway.Cli.Demo;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExchangeGateway.Cli.Tests;

/// <summary>A folder of its own for a demo federation under the temporary folder, removed on disposal once the
/// pooled SQLite connections to its message logs are closed.</summary>
internal sealed class DemoFolder : IDisposable
{
    public string Path { get; } =
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "exgw-demo-" + Guid.NewGuid().ToString("N"));

    /// <summary>Starts the demo federation in this folder on free loopback ports, within two minutes.</summary>
    public Task<DemoFederation> StartAsync() =>
        DemoFederation.StartAsync(Path, null, NullLoggerFactory.Instance, CancellationToken.None)
            .WaitAsync(TimeSpan.FromMinutes(2));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
