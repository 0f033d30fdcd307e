using ExchangeGateway.Core.Merkle;

namespace ExchangeGateway.Core.Signing;

/// <summary>
/// One message's share of a batch signature: the CMS signature over the batch and the message's proof.
/// </summary>
/// <param name="Cms">Detached CMS SignedData over <see cref="SignedBatch.Content"/> of the batch root.</param>
/// <param name="Proof">The inclusion proof from the message's envelope hash to the root.</param>
public sealed record BatchSignature(byte[] Cms, InclusionProof Proof);
