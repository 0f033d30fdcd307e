using System.Net;
using ExchangeGateway.Host.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExchangeGateway.Host.Tests;

public sealed class EndpointBindingTests
{
    [Fact]
    public async Task ClientPortTaken_FailsNamingTheEndpointAndAddress()
    {
        await using var federation = await TestFederation.StartAsync();
        var taken = new IPEndPoint(IPAddress.Loopback, federation.Consumer.ClientAddress.Port);
        var options = federation.Consumer.Options with
        {
            ClientEndpoint = taken,
            ExchangeEndpoint = new IPEndPoint(IPAddress.Loopback, 0),
            MessageLogPath = Path.Combine(federation.Directory, "second", "messagelog.db"),
        };

        var thrown = await Assert.ThrowsAsync<IOException>(() =>
            GatewayNode.StartAsync(options, NullLoggerFactory.Instance).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.StartsWith($"the client endpoint {taken} cannot be opened: ", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessageLogOfARunningGateway_IsRefused_AndFreedWhenThatGatewayStops()
    {
        await using var federation = await TestFederation.StartAsync();
        var options = federation.Consumer.Options with
        {
            ClientEndpoint = new IPEndPoint(IPAddress.Loopback, 0),
            ExchangeEndpoint = new IPEndPoint(IPAddress.Loopback, 0),
        };
        var before = federation.Consumer.MessageLog.Read().Count();

        var thrown = await Assert.ThrowsAsync<IOException>(() =>
            GatewayNode.StartAsync(options, NullLoggerFactory.Instance).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.StartsWith($"another gateway runs on the message log {options.MessageLogPath}; stop it first",
            thrown.Message, StringComparison.Ordinal);
        Assert.Equal(before, federation.Consumer.MessageLog.Read().Count());
        await federation.Consumer.DisposeAsync();
        await using var second = await GatewayNode.StartAsync(options, NullLoggerFactory.Instance)
            .WaitAsync(TimeSpan.FromSeconds(30));
    }
}
