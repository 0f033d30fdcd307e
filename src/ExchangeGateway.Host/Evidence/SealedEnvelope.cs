using ExchangeGateway.Core.Envelopes;

namespace ExchangeGateway.Host.Evidence;

/// <summary>An envelope with its canonical bytes, their hash, and a signature over them.</summary>
/// <param name="Envelope">The envelope.</param>
/// <param name="Bytes">Its DER encoding.</param>
/// <param name="Hash">SHA-256 of <paramref name="Bytes"/>.</param>
/// <param name="Signature">Detached CMS over the batch root that covers <paramref name="Hash"/>.</param>
/// <param name="Proof">DER inclusion proof from <paramref name="Hash"/> to that root.</param>
internal sealed record SealedEnvelope(Envelope Envelope, byte[] Bytes, byte[] Hash, byte[] Signature, byte[] Proof);
