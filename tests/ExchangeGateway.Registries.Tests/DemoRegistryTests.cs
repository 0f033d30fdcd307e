using ExchangeGateway.Registries.Migration.V1;
using ExchangeGateway.Registries.Tests.Fakes;
using Grpc.Core;
using Grpc.Net.Client;

namespace ExchangeGateway.Registries.Tests;

public sealed class DemoRegistryTests
{
    [Fact]
    public async Task StartAsync_PortZero_ListensOnLoopbackAtAPickedPort()
    {
        await using var running = await RunningRegistry.StartAsync(RegistryKind.Migration);

        Assert.Equal(Uri.UriSchemeHttp, running.Registry.Address.Scheme);
        Assert.Equal("127.0.0.1", running.Registry.Address.Host);
        Assert.InRange(running.Registry.Address.Port, 1, 65_535);
        Assert.Equal(RegistryKind.Migration, running.Registry.Kind);
    }

    [Theory]
    [InlineData(RegistryKind.Migration, "migration.v1.Foreigners,migration.v1.ResidencePermits")]
    [InlineData(RegistryKind.Police, "police.v1.BorderCrossings,police.v1.Alerts")]
    [InlineData(RegistryKind.ForeignAffairs, "foreignaffairs.v1.Visas")]
    public async Task StartAsync_EachKind_ListsItsServicesEachWithARegistryName(RegistryKind kind, string services)
    {
        await using var running = await RunningRegistry.StartAsync(kind);

        Assert.Equal(services.Split(','), running.Registry.Services);
        Assert.All(running.Registry.Services, service => Assert.NotNull(RegistryNames.ForService(service)));
    }

    [Fact]
    public async Task StartAsync_WithLoggerFactory_LogsThatTheRegistryStarted()
    {
        await using var running = await RunningRegistry.StartAsync(RegistryKind.Police);

        Assert.Contains(running.Logs.Entries, entry => entry.EventId.Name == "RegistryStarted"
            && entry.Message.Contains(running.Registry.Address.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_InsideAnotherProcess_LeavesCtrlCToThatProcess()
    {
        // The console lifetime announces its Ctrl+C handler; an embedded registry must not install one.
        await using var running = await RunningRegistry.StartAsync(RegistryKind.ForeignAffairs);

        Assert.DoesNotContain(
            running.Logs.Entries, entry => entry.Message.Contains("Ctrl+C", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task StartAsync_PortInUse_ThrowsIOException()
    {
        await using var running = await RunningRegistry.StartAsync(RegistryKind.Migration);

        await Assert.ThrowsAnyAsync<IOException>(() => DemoRegistry.StartAsync(
            RegistryKind.Police, SharedPopulation.Default, running.Registry.Address.Port)
            .WaitAsync(TestTimeouts.Await));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65_536)]
    public async Task StartAsync_PortOutOfRange_Throws(int port)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => DemoRegistry.StartAsync(
            RegistryKind.Migration, SharedPopulation.Default, port).WaitAsync(TestTimeouts.Await));
    }

    [Fact]
    public async Task StartAsync_UndefinedKind_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => DemoRegistry.StartAsync(
            (RegistryKind)42, SharedPopulation.Default).WaitAsync(TestTimeouts.Await));
    }

    [Fact]
    public async Task Call_ServiceOfAnotherRegistry_IsUnimplemented()
    {
        await using var running = await RunningRegistry.StartAsync(RegistryKind.Police);
        var client = new Foreigners.ForeignersClient(running.Channel);
        var person = running.Population.Persons[0];

        await RpcAssert.FailsWith(
            client.GetForeignerAsync(
                new GetForeignerRequest { DocumentNumber = person.DocumentNumber }, deadline: TestTimeouts.Deadline),
            StatusCode.Unimplemented);
    }

    [Fact]
    public async Task DisposeAsync_Twice_StopsTheServer()
    {
        var registry = await DemoRegistry.StartAsync(RegistryKind.Migration, SharedPopulation.Default)
            .WaitAsync(TestTimeouts.Await);
        using var channel = GrpcChannel.ForAddress(registry.Address);
        var client = new Foreigners.ForeignersClient(channel);

        await registry.DisposeAsync().AsTask().WaitAsync(TestTimeouts.Await);
        await registry.DisposeAsync().AsTask().WaitAsync(TestTimeouts.Await);

        await RpcAssert.FailsWith(
            client.GetForeignerAsync(
                new GetForeignerRequest { DocumentNumber = SharedPopulation.Default.Persons[0].DocumentNumber },
                deadline: TestTimeouts.Deadline),
            StatusCode.Unavailable);
    }

    [Fact]
    public void ForService_UnknownService_IsNull()
    {
        Assert.Null(RegistryNames.ForService("migration.v1.Unknown"));
    }
}
