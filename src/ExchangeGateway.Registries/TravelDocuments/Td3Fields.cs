namespace ExchangeGateway.Registries.TravelDocuments;

/// <summary>The data printed in a TD3 machine-readable zone, before it is encoded.</summary>
/// <param name="DocumentCode">One or two letters, <c>P</c> for a passport.</param>
/// <param name="IssuingState">ISO 3166-1 alpha-3 code of the issuing state.</param>
/// <param name="Surname">Primary identifier; Latin letters, spaces, hyphens and apostrophes.</param>
/// <param name="GivenNames">Secondary identifier; may be empty.</param>
/// <param name="DocumentNumber">1 to 9 letters A-Z and digits.</param>
/// <param name="Nationality">ISO 3166-1 alpha-3 nationality.</param>
/// <param name="DateOfBirth">Date of birth; encoded as YYMMDD.</param>
/// <param name="Sex">Sex of the holder.</param>
/// <param name="DateOfExpiry">Date of expiry; encoded as YYMMDD.</param>
/// <param name="OptionalData">Personal number or other optional data, up to 14 letters and digits, or empty.</param>
public sealed record Td3Fields(
    string DocumentCode,
    string IssuingState,
    string Surname,
    string GivenNames,
    string DocumentNumber,
    string Nationality,
    DateOnly DateOfBirth,
    Sex Sex,
    DateOnly DateOfExpiry,
    string OptionalData);
