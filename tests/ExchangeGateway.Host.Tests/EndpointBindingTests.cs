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
}
