namespace ExchangeGateway.Registries.Data;

/// <summary>A police alert in force on a passport or its holder.</summary>
/// <param name="AlertId">Identifier of the alert, unique across the population.</param>
/// <param name="DocumentNumber">Passport number the alert is attached to.</param>
/// <param name="Type">What the alert is about.</param>
/// <param name="IssuingAuthority">The authority that issued the alert.</param>
/// <param name="IssuedOn">Date the alert was issued.</param>
/// <param name="ValidUntil">Last day the alert is in force; null when it stays until withdrawn.</param>
/// <param name="Reference">The issuing authority's case or notice reference.</param>
/// <param name="Action">What an officer who meets the person or document does.</param>
public sealed record AlertRecord(
    string AlertId,
    string DocumentNumber,
    AlertType Type,
    string IssuingAuthority,
    DateOnly IssuedOn,
    DateOnly? ValidUntil,
    string Reference,
    string Action);
