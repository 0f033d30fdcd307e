namespace ExchangeGateway.Host.Consumer;

/// <summary>
/// The evidence of a provider's response once verified, copied out of the message once: what the consumer's log
/// keeps.
/// </summary>
/// <param name="Envelope">The response envelope (DER).</param>
/// <param name="Signature">The provider's CMS signature.</param>
/// <param name="Proof">The inclusion proof, or null when the signature is over the envelope itself.</param>
/// <param name="PayloadDigest">SHA-256 of the response payload, as verified against the envelope.</param>
/// <param name="StatusCode">The registry's status code.</param>
internal sealed record VerifiedResponse(
    byte[] Envelope, byte[] Signature, byte[]? Proof, byte[] PayloadDigest, int StatusCode);
