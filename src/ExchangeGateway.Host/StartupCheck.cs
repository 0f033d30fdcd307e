using ExchangeGateway.Core.Access;
using ExchangeGateway.Core.Federation;
using ExchangeGateway.Core.Identifiers;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Host.Configuration;

namespace ExchangeGateway.Host;

/// <summary>
/// Compares a gateway's own configuration with the federation configuration in force, so that an administrator
/// learns at start-up, not from failing calls, that a name, member, certificate or subsystem is not registered.
/// </summary>
internal static class StartupCheck
{
    public static IReadOnlyList<string> Problems(GatewayOptions options, FederationConfiguration? federation)
    {
        if (federation is null)
        {
            return ["no federation configuration is in force: every call is refused until a valid one is loaded"];
        }

        var problems = new List<string>();
        var gateway = federation.Gateways.FirstOrDefault(g => g.Name == options.Name);
        if (gateway is null)
        {
            problems.Add($"gateway '{options.Name}' is not registered in the federation configuration");
        }
        else if (gateway.Owner != options.Member)
        {
            problems.Add($"gateway '{options.Name}' is registered to {gateway.Owner}, not to {options.Member}");
        }

        if (federation.GatewayByTlsCertificate(options.TlsCertificate)?.Name != options.Name)
        {
            problems.Add($"the TLS certificate (sha256 {Fingerprint.Of(options.TlsCertificate)}) is not registered " +
                $"to gateway '{options.Name}': peers will refuse it");
        }

        if (federation.MemberBySigningCertificate(options.SigningCertificate) != options.Member)
        {
            problems.Add($"the signing certificate (sha256 {Fingerprint.Of(options.SigningCertificate)}) is not " +
                $"registered to {options.Member}: every signature will be refused");
        }

        problems.AddRange(Unlisted(options.Subsystems.Values, federation));
        problems.AddRange(UnlistedClients(options.AccessRights, federation));
        return problems;
    }

    /// <summary>The grants of <paramref name="rights"/> to a client the federation configuration does not list (a
    /// misspelt member code, say): kept, for the configuration may list it later, but said, for until then they let
    /// no one through. None when no configuration is in force.</summary>
    public static IEnumerable<string> UnlistedClients(AccessRights rights, FederationConfiguration? federation) =>
        federation is null
            ? []
            : rights.All.Where(g => !Listed(g.Grant, federation)).Select(g =>
                $"a grant on {g.Service} names {Client(g.Grant)}, which the federation configuration does not " +
                "list: it lets no one through until it is listed");

    private static bool Listed(AccessGrant grant, FederationConfiguration federation) =>
        grant.SubsystemCode is null
            ? federation.HasMember(grant.Member)
            : SubsystemId.TryCreate(grant.Member, grant.SubsystemCode, out var subsystem, out _)
                && federation.HasSubsystem(subsystem);

    private static string Client(AccessGrant grant) => grant.SubsystemCode is null
        ? $"member {grant.Member}"
        : $"subsystem {grant.Member}/{grant.SubsystemCode}";

    /// <summary>The problems of <paramref name="subsystems"/> the federation configuration does not list; none
    /// when no configuration is in force (that problem is said on its own).</summary>
    public static IEnumerable<string> Unlisted(
        IEnumerable<LocalSubsystem> subsystems, FederationConfiguration? federation) =>
        federation is null
            ? []
            : subsystems.Where(s => !federation.HasSubsystem(s.Id))
                .Select(s => $"subsystem {s.Id} is not listed in the federation configuration");
}
