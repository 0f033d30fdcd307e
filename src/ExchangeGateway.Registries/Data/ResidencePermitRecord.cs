namespace ExchangeGateway.Registries.Data;

/// <summary>A residence permit in the migration registry.</summary>
/// <param name="PermitNumber">Permit number, unique across the population.</param>
/// <param name="DocumentNumber">Passport number of the holder.</param>
/// <param name="Type">The ground on which the permit was granted.</param>
/// <param name="Status">Whether the permit is in force on <see cref="Population.ReferenceDate"/>.</param>
/// <param name="IssuedOn">Date the permit was issued.</param>
/// <param name="ValidFrom">First day of validity.</param>
/// <param name="ValidUntil">Last day of validity.</param>
/// <param name="IssuingAuthority">The authority that issued the permit.</param>
/// <param name="Locality">Locality of residence in Moldova.</param>
public sealed record ResidencePermitRecord(
    string PermitNumber,
    string DocumentNumber,
    PermitType Type,
    PermitStatus Status,
    DateOnly IssuedOn,
    DateOnly ValidFrom,
    DateOnly ValidUntil,
    string IssuingAuthority,
    string Locality);
