using ExchangeGateway.Registries.Data;
using ExchangeGateway.Registries.Hosting;
using ExchangeGateway.Registries.TravelDocuments;

namespace ExchangeGateway.Registries.Migration;

/// <summary>Maps migration registry records to the <c>migration.v1</c> messages.</summary>
internal static class MigrationMessages
{
    public static V1.Foreigner Foreigner(Person person, ResidencePermitRecord? permit) => new()
    {
        DocumentNumber = person.DocumentNumber,
        DocumentType = Person.PassportDocumentCode,
        IssuingState = person.IssuingState,
        Nationality = person.Nationality,
        Surname = person.Surname,
        GivenNames = person.GivenNames,
        Sex = SexOf(person.Sex),
        DateOfBirth = IsoDates.Format(person.DateOfBirth),
        DocumentIssuedOn = IsoDates.Format(person.DateOfIssue),
        DocumentExpiresOn = IsoDates.Format(person.DateOfExpiry),
        PersonalNumber = person.PersonalNumber,
        MrzLine1 = person.Mrz.Line1,
        MrzLine2 = person.Mrz.Line2,
        ResidenceStatus = ResidenceStatusOf(permit),
    };

    public static V1.ResidencePermit Permit(Person person, ResidencePermitRecord permit) => new()
    {
        PermitNumber = permit.PermitNumber,
        PermitType = PermitTypeOf(permit.Type),
        Status = PermitStatusOf(permit.Status),
        DocumentNumber = person.DocumentNumber,
        Nationality = person.Nationality,
        Surname = person.Surname,
        GivenNames = person.GivenNames,
        IssuedOn = IsoDates.Format(permit.IssuedOn),
        ValidFrom = IsoDates.Format(permit.ValidFrom),
        ValidUntil = IsoDates.Format(permit.ValidUntil),
        IssuingAuthority = permit.IssuingAuthority,
        Locality = permit.Locality,
    };

    public static V1.ProtectionStatus Protection(Person person, ProtectionRecord protection) => new()
    {
        DocumentNumber = person.DocumentNumber,
        Nationality = person.Nationality,
        Surname = person.Surname,
        GivenNames = person.GivenNames,
        State = protection.State switch
        {
            ProtectionState.Pending => V1.ProtectionState.Pending,
            ProtectionState.Granted => V1.ProtectionState.Granted,
            ProtectionState.Rejected => V1.ProtectionState.Rejected,
            _ => V1.ProtectionState.Unspecified,
        },
        AppliedOn = IsoDates.Format(protection.AppliedOn),
        DecidedOn = IsoDates.Format(protection.DecidedOn),
        ValidUntil = IsoDates.Format(protection.ValidUntil),
        PermitNumber = protection.PermitNumber ?? "",
        LegalBasis = protection.LegalBasis,
    };

    private static V1.Sex SexOf(Sex sex) => sex switch
    {
        Sex.Female => V1.Sex.Female,
        Sex.Male => V1.Sex.Male,
        _ => V1.Sex.Unspecified,
    };

    private static V1.ResidenceStatus ResidenceStatusOf(ResidencePermitRecord? permit) => permit switch
    {
        null or { Status: not PermitStatus.Active } => V1.ResidenceStatus.Visitor,
        { Type: PermitType.Permanent } => V1.ResidenceStatus.PermanentResidence,
        { Type: PermitType.TemporaryProtection } => V1.ResidenceStatus.TemporaryProtection,
        _ => V1.ResidenceStatus.TemporaryResidence,
    };

    private static V1.PermitType PermitTypeOf(PermitType type) => type switch
    {
        PermitType.TemporaryWork => V1.PermitType.TemporaryWork,
        PermitType.TemporaryStudy => V1.PermitType.TemporaryStudy,
        PermitType.TemporaryFamily => V1.PermitType.TemporaryFamily,
        PermitType.Permanent => V1.PermitType.Permanent,
        PermitType.TemporaryProtection => V1.PermitType.TemporaryProtection,
        _ => V1.PermitType.Unspecified,
    };

    private static V1.PermitStatus PermitStatusOf(PermitStatus status) => status switch
    {
        PermitStatus.Active => V1.PermitStatus.Active,
        PermitStatus.Expired => V1.PermitStatus.Expired,
        PermitStatus.Revoked => V1.PermitStatus.Revoked,
        _ => V1.PermitStatus.Unspecified,
    };
}
