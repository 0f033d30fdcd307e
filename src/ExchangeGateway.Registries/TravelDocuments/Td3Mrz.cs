namespace ExchangeGateway.Registries.TravelDocuments;

/// <summary>The machine-readable zone of a TD3 (passport-size) document: two lines of 44 characters.</summary>
/// <param name="Line1">Document code, issuing state and name.</param>
/// <param name="Line2">Document number, nationality, dates, sex, optional data and their check digits.</param>
public sealed record Td3Mrz(string Line1, string Line2);
