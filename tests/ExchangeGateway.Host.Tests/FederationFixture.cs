using ExchangeGateway.Host.Tests.Support;

namespace ExchangeGateway.Host.Tests;

/// <summary>One federation shared by the tests of a class; tests that change it build their own.</summary>
public sealed class FederationFixture : IAsyncLifetime
{
    public TestFederation Federation { get; private set; } = null!;

    public async Task InitializeAsync() => Federation = await TestFederation.StartAsync();

    public async Task DisposeAsync() => await Federation.DisposeAsync();
}
