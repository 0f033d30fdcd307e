using ExchangeGateway.Registries.TravelDocuments;

namespace ExchangeGateway.Registries.Data;

/// <summary>A foreigner known to the demo registries, identified by the passport they travel on.</summary>
/// <param name="DocumentNumber">Passport number, unique across the population.</param>
/// <param name="IssuingState">ISO 3166-1 alpha-3 code of the state that issued the passport.</param>
/// <param name="Nationality">ISO 3166-1 alpha-3 nationality.</param>
/// <param name="Surname">Surname in Latin letters, as printed in the passport.</param>
/// <param name="GivenNames">Given names in Latin letters, as printed in the passport.</param>
/// <param name="Sex">Sex as printed in the passport.</param>
/// <param name="DateOfBirth">Date of birth.</param>
/// <param name="DateOfIssue">Date the passport was issued.</param>
/// <param name="DateOfExpiry">Date the passport expires; a few are already expired.</param>
/// <param name="PersonalNumber">National personal number in the optional data, or empty.</param>
/// <param name="Mrz">The passport's machine-readable zone, with valid check digits.</param>
public sealed record Person(
    string DocumentNumber,
    string IssuingState,
    string Nationality,
    string Surname,
    string GivenNames,
    Sex Sex,
    DateOnly DateOfBirth,
    DateOnly DateOfIssue,
    DateOnly DateOfExpiry,
    string PersonalNumber,
    Td3Mrz Mrz)
{
    /// <summary>The ICAO 9303 document code of every generated document: a passport.</summary>
    public const string PassportDocumentCode = "P";
}
