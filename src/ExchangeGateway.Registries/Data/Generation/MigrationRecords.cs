namespace ExchangeGateway.Registries.Data.Generation;

/// <summary>The records of the migration registry, drawn from a population.</summary>
internal sealed record MigrationRecords(
    IReadOnlyList<ResidencePermitRecord> Permits,
    IReadOnlyList<ProtectionRecord> Protections);
