namespace ExchangeGateway.Registries.Data;

/// <summary>A temporary protection case in the migration registry.</summary>
/// <param name="DocumentNumber">Passport number of the applicant.</param>
/// <param name="State">Where the case stands.</param>
/// <param name="AppliedOn">Date of the application.</param>
/// <param name="DecidedOn">Date of the decision; null while pending.</param>
/// <param name="ValidUntil">End of the protection; set only when granted.</param>
/// <param name="PermitNumber">The permit issued to the beneficiary; set only when granted.</param>
/// <param name="LegalBasis">The act under which protection is granted.</param>
public sealed record ProtectionRecord(
    string DocumentNumber,
    ProtectionState State,
    DateOnly AppliedOn,
    DateOnly? DecidedOn,
    DateOnly? ValidUntil,
    string? PermitNumber,
    string LegalBasis);
