using ExchangeGateway.Registries.Data;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace ExchangeGateway.Registries.Tests.Fakes;

/// <summary>
/// A demo registry on a loopback port picked by the operating system, a channel to it, and its logs. Disposing
/// stops both and fails the test if the registry logged an error.
/// </summary>
internal sealed class RunningRegistry : IAsyncDisposable
{
    private readonly ILoggerFactory loggerFactory;

    private RunningRegistry(DemoRegistry registry, RecordingLoggerProvider logs, ILoggerFactory loggerFactory)
    {
        Registry = registry;
        Logs = logs;
        this.loggerFactory = loggerFactory;
        Channel = GrpcChannel.ForAddress(registry.Address);
    }

    public DemoRegistry Registry { get; }

    public GrpcChannel Channel { get; }

    public RecordingLoggerProvider Logs { get; }

    public Population Population { get; } = SharedPopulation.Default;

    public static async Task<RunningRegistry> StartAsync(RegistryKind kind)
    {
        var logs = new RecordingLoggerProvider();
        var loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var registry = await DemoRegistry.StartAsync(kind, SharedPopulation.Default, loggerFactory: loggerFactory)
            .WaitAsync(TestTimeouts.Await);
        return new RunningRegistry(registry, logs, loggerFactory);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await Registry.DisposeAsync().AsTask().WaitAsync(TestTimeouts.Await);
        loggerFactory.Dispose();

        var errors = Logs.Entries.Where(entry => entry.Level >= LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, "The registry logged errors: " + string.Join("; ", errors));
    }
}
