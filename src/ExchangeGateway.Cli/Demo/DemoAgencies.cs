using ExchangeGateway.Registries;

namespace ExchangeGateway.Cli.Demo;

/// <summary>
/// The three agencies of the demo federation and who may call what. Member codes are fictional 13-digit
/// registration numbers in the Moldovan IDNO format.
/// </summary>
internal static class DemoAgencies
{
    public static readonly DemoAgency Migration = new(
        "migration", "MD/GOV/1006601000037", "General Inspectorate for Migration",
        "foreigners-registry", "casework", RegistryKind.Migration, BodyLogging: false);

    public static readonly DemoAgency Police = new(
        "police", "MD/GOV/1006601000101", "General Inspectorate of Border Police",
        "border-registry", "border-control", RegistryKind.Police, BodyLogging: false);

    public static readonly DemoAgency ForeignAffairs = new(
        "foreign-affairs", "MD/GOV/1006601000222", "Ministry of Foreign Affairs and European Integration",
        "consular-registry", "consular-services", RegistryKind.ForeignAffairs, BodyLogging: true);

    public static IReadOnlyList<DemoAgency> All { get; } = [Migration, Police, ForeignAffairs];

    /// <summary>
    /// The grants each agency's gateway holds on its published services: service to (client, methods).
    /// </summary>
    public static IReadOnlyList<(string Service, string Client, string[] Methods)> GrantsOf(DemoAgency agency)
    {
        if (agency == Migration)
        {
            return
            [
                ("migration.v1.ResidencePermits", Police.Client, ["GetPermit", "GetProtectionStatus"]),
                ("migration.v1.ResidencePermits", ForeignAffairs.Client, ["GetProtectionStatus"]),
                ("migration.v1.Foreigners", Police.Client, ["GetForeigner"]),
            ];
        }

        if (agency == Police)
        {
            return
            [
                ("police.v1.Alerts", Migration.Client, ["CheckAlerts"]),
                ("police.v1.BorderCrossings", Migration.Client, ["ListCrossings"]),
            ];
        }

        return
        [
            ("foreignaffairs.v1.Visas", Police.Member, []),
            ("foreignaffairs.v1.Visas", Migration.Client, ["GetApplication"]),
        ];
    }
}
