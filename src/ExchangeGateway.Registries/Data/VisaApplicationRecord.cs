namespace ExchangeGateway.Registries.Data;

/// <summary>A visa application in the foreign affairs registry.</summary>
/// <param name="ApplicationNumber">Application number, unique across the population, e.g. "PEK-2025-000123".</param>
/// <param name="DocumentNumber">Passport number of the applicant.</param>
/// <param name="Type">The kind of visa applied for.</param>
/// <param name="Purpose">The purpose of the journey.</param>
/// <param name="Status">Where the application stands.</param>
/// <param name="Consulate">Where the application was lodged.</param>
/// <param name="SubmittedOn">Date the application was lodged.</param>
/// <param name="DecidedOn">Date of the decision or withdrawal; null while open.</param>
/// <param name="Visa">The visa issued; set only when approved.</param>
public sealed record VisaApplicationRecord(
    string ApplicationNumber,
    string DocumentNumber,
    VisaType Type,
    VisaPurpose Purpose,
    VisaApplicationStatus Status,
    string Consulate,
    DateOnly SubmittedOn,
    DateOnly? DecidedOn,
    IssuedVisa? Visa);
