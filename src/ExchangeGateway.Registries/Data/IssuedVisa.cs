namespace ExchangeGateway.Registries.Data;

/// <summary>The visa issued on an approved application.</summary>
/// <param name="VisaNumber">Number of the visa sticker.</param>
/// <param name="ValidFrom">First day of validity.</param>
/// <param name="ValidUntil">Last day of validity.</param>
/// <param name="Entries">Single or multiple entry.</param>
/// <param name="DurationOfStayDays">Days of stay the visa allows.</param>
public sealed record IssuedVisa(
    string VisaNumber,
    DateOnly ValidFrom,
    DateOnly ValidUntil,
    VisaEntries Entries,
    int DurationOfStayDays);
