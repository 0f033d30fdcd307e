using System.Collections.Frozen;

namespace ExchangeGateway.Registries;

/// <summary>
/// The names of the demo registries, one per gRPC service, as sent in the <see cref="RegistryHeaders"/>.
/// </summary>
public static class RegistryNames
{
    /// <summary>The foreigners register, gRPC service <c>migration.v1.Foreigners</c>.</summary>
    public const string Foreigners = "md.migration.foreigners-registry";

    /// <summary>The residence permit register, gRPC service <c>migration.v1.ResidencePermits</c>.</summary>
    public const string ResidencePermits = "md.migration.residence-permits-registry";

    /// <summary>The border crossing register, gRPC service <c>police.v1.BorderCrossings</c>.</summary>
    public const string BorderCrossings = "md.police.border-crossings-registry";

    /// <summary>The alert register, gRPC service <c>police.v1.Alerts</c>.</summary>
    public const string Alerts = "md.police.alerts-registry";

    /// <summary>The visa register, gRPC service <c>foreignaffairs.v1.Visas</c>.</summary>
    public const string Visas = "md.foreignaffairs.visas-registry";

    private static readonly FrozenDictionary<string, string> ByService = new Dictionary<string, string>
    {
        [Migration.V1.Foreigners.Descriptor.FullName] = Foreigners,
        [Migration.V1.ResidencePermits.Descriptor.FullName] = ResidencePermits,
        [Police.V1.BorderCrossings.Descriptor.FullName] = BorderCrossings,
        [Police.V1.Alerts.Descriptor.FullName] = Alerts,
        [ForeignAffairs.V1.Visas.Descriptor.FullName] = Visas,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Finds the registry served under a gRPC service name.</summary>
    /// <param name="serviceName">The full service name, e.g. <c>police.v1.Alerts</c>.</param>
    /// <returns>The registry name, or null when no demo registry serves that service.</returns>
    public static string? ForService(string serviceName) => ByService.GetValueOrDefault(serviceName);
}
