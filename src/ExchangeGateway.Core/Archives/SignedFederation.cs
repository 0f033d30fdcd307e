using ExchangeGateway.Core.Federation;

namespace ExchangeGateway.Core.Archives;

/// <summary>A federation configuration as the authority signed it, and as read.</summary>
/// <param name="Document">The JSON document.</param>
/// <param name="Signature">The authority's detached CMS signature over it (DER).</param>
/// <param name="Configuration">The validated configuration.</param>
public sealed record SignedFederation(byte[] Document, byte[] Signature, FederationConfiguration Configuration);
