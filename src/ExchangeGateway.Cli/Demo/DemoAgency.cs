using ExchangeGateway.Registries;

namespace ExchangeGateway.Cli.Demo;

/// <summary>One agency of the demo federation: a member with a registry subsystem and a client subsystem.</summary>
/// <param name="Key">Short name used for files and gateway names, e.g. <c>migration</c>.</param>
/// <param name="Member">The member identifier.</param>
/// <param name="Name">The agency's name.</param>
/// <param name="RegistrySubsystem">The subsystem that publishes the agency's registry.</param>
/// <param name="ClientSubsystem">The subsystem its own officers' system calls from.</param>
/// <param name="Registry">Which demo registry it runs.</param>
/// <param name="BodyLogging">Whether its gateway keeps payloads in the message log.</param>
internal sealed record DemoAgency(
    string Key,
    string Member,
    string Name,
    string RegistrySubsystem,
    string ClientSubsystem,
    RegistryKind Registry,
    bool BodyLogging)
{
    public string GatewayName => $"{Key}-gw";

    public string Client => $"{Member}/{ClientSubsystem}";

    public string Service(string grpcService) => $"{Member}/{RegistrySubsystem}:{grpcService}";
}
