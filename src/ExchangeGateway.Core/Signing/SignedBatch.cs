using System.Formats.Asn1;

namespace ExchangeGateway.Core.Signing;

/// <summary>
/// What a batch signature signs: <c>SignedBatch ::= SEQUENCE { version INTEGER (1), size INTEGER, root OCTET STRING
/// }</c>,
/// the Merkle root (RFC 9162 tree hash) over the SHA-256 hashes of the batch's envelopes. These DER bytes are the
/// detached content of the CMS signature, so <c>openssl cms -verify -content</c> checks them directly.
/// </summary>
public static class SignedBatch
{
    /// <summary>
    /// The DER bytes signed for a tree of <paramref name="size"/> leaves with <paramref name="root"/>.
    /// </summary>
    public static byte[] Content(byte[] root, long size)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(1);
            writer.WriteInteger(size);
            writer.WriteOctetString(root);
        }

        return writer.Encode();
    }
}
