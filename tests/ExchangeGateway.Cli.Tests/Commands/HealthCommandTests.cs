using ExchangeGateway.Cli.Demo;
using ExchangeGateway.Core.Pki;

namespace ExchangeGateway.Cli.Tests.Commands;

/// <summary><c>exgw health</c> against a running demo federation's gateways, as a monitoring probe would ask them.
/// </summary>
public sealed class HealthCommandTests
{
    [Fact]
    public async Task EveryEndpointOfAGateway_AnswersServing_OverItsOwnTls_AndEachWayOfAskingWronglyIsSaid()
    {
        using var folder = new DemoFolder();
        await using var federation = await folder.StartAsync();
        var gateway = federation.Gateways[DemoAgencies.Police];
        var pki = federation.Pki.Directory;
        var ca = Path.Combine(pki, "ca.pem");
        string[] police = ["--cert", Path.Combine(pki, "police-client.pem"),
            "--key", Path.Combine(pki, "police-client.key")];
        string[] peer = ["--cert", Path.Combine(pki, "migration-gateway.pem"),
            "--key", Path.Combine(pki, "migration-gateway.key")];
        var client = gateway.ClientAddress.GetLeftPart(UriPartial.Authority);
        var exchange = gateway.ExchangeAddress.GetLeftPart(UriPartial.Authority);
        var other = DevelopmentPki.Ensure(Path.Combine(folder.Path, "other-pki"), [], TimeProvider.System);

        var onClient = await Cli.RunAsync(["health", "--address", client, "--ca", ca, .. police]);
        var onExchange = await Cli.RunAsync(["health", "--address", exchange, "--ca", ca, .. peer]);
        var noCertificate = await Cli.RunAsync("health", "--address", client, "--ca", ca);
        var otherCa = await Cli.RunAsync(
            ["health", "--address", client, "--ca", Path.Combine(other.Directory, "ca.pem"), .. police]);
        var halfPair = await Cli.RunAsync("health", "--address", client, "--ca", ca, "--cert", police[1]);

        Assert.Equal((0, $"{client}: SERVING"), (onClient.ExitCode, onClient.Output.Trim()));
        Assert.Equal((0, $"{exchange}: SERVING"), (onExchange.ExitCode, onExchange.Output.Trim()));
        Assert.Equal((2, $"no health answer from {client}: the server asked for a client certificate: give --cert " +
            "and --key (the client and exchange endpoints take one)"),
            (noCertificate.ExitCode, noCertificate.Output.Trim()));
        Assert.Equal(2, otherCa.ExitCode);
        Assert.EndsWith($"does not chain to --ca {Path.Combine(other.Directory, "ca.pem")}", otherCa.Output.Trim(),
            StringComparison.Ordinal);
        Assert.Equal((2, "--cert and --key: give both or neither"), (halfPair.ExitCode, halfPair.Output.Trim()));
    }
}
