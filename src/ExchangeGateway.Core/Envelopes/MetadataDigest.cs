using System.Formats.Asn1;
using System.Security.Cryptography;

namespace ExchangeGateway.Core.Envelopes;

/// <summary>
/// SHA-256 over the DER encoding of a metadata list, <c>SEQUENCE OF SEQUENCE { key UTF8String, value OCTET STRING
/// }</c>,
/// in the order the entries travel. Binds headers and trailers into the signed envelope.
/// </summary>
public static class MetadataDigest
{
    /// <summary>Computes the digest of <paramref name="entries"/>.</summary>
    public static byte[] Compute(IEnumerable<KeyValuePair<string, ReadOnlyMemory<byte>>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        // Most calls carry a few short entries: a small first buffer, not the writer's default kilobyte.
        var writer = new AsnWriter(AsnEncodingRules.DER, initialCapacity: 256);
        using (writer.PushSequence())
        {
            foreach (var (key, value) in entries)
            {
                using (writer.PushSequence())
                {
                    writer.WriteCharacterString(UniversalTagNumber.UTF8String, key);
                    writer.WriteOctetString(value.Span);
                }
            }
        }

        return writer.Encode(static encoded => SHA256.HashData(encoded));
    }
}
