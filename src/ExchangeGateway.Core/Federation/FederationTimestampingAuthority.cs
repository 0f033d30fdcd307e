namespace ExchangeGateway.Core.Federation;

/// <summary>A validated time-stamping authority entry.</summary>
/// <param name="Name">The authority's name.</param>
/// <param name="Url">Its RFC 3161 HTTP endpoint.</param>
/// <param name="Certificates">The normalised SHA-256 fingerprints of its token-signing certificates.</param>
public sealed record FederationTimestampingAuthority(string Name, Uri Url, IReadOnlyList<string> Certificates);
