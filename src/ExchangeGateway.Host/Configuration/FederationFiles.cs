namespace ExchangeGateway.Host.Configuration;

/// <summary>Where a gateway finds the signed federation configuration.</summary>
/// <param name="Document">The configuration document.</param>
/// <param name="Signature">The authority's detached CMS signature over it.</param>
/// <param name="Anchor">The pinned configuration-signing certificate (PEM).</param>
/// <param name="ReloadInterval">How often to look for a change.</param>
public sealed record FederationFiles(string Document, string Signature, string Anchor, TimeSpan ReloadInterval);
