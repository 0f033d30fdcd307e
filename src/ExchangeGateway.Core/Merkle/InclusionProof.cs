using System.Diagnostics.CodeAnalysis;
using System.Formats.Asn1;

namespace ExchangeGateway.Core.Merkle;

/// <summary>
/// Where one leaf sits in a Merkle tree and the hashes that lead from it to the root (RFC 9162 section 2.1.3),
/// encoded as <c>InclusionProof ::= SEQUENCE { index INTEGER, size INTEGER, path SEQUENCE OF OCTET STRING }</c>.
/// </summary>
/// <param name="Index">The leaf's position, from 0.</param>
/// <param name="Size">How many leaves the tree has.</param>
/// <param name="Path">The audit path, from the leaf upwards.</param>
public sealed record InclusionProof(long Index, long Size, IReadOnlyList<byte[]> Path)
{
    /// <summary>The root this proof leads to from <paramref name="leaf"/>, or null when it does not fit.</summary>
    public byte[]? RootFor(byte[] leaf) => MerkleTree.RootFromPath(leaf, Index, Size, Path);

    /// <summary>DER encoding.</summary>
    public byte[] Encode()
    {
        // Two integers, two headers and 34 bytes a hash: the exact size, near enough, not the default kilobyte.
        var writer = new AsnWriter(AsnEncodingRules.DER, initialCapacity: 32 + (34 * Path.Count));
        using (writer.PushSequence())
        {
            writer.WriteInteger(Index);
            writer.WriteInteger(Size);
            using (writer.PushSequence())
            {
                foreach (var hash in Path)
                {
                    writer.WriteOctetString(hash);
                }
            }
        }

        return writer.Encode();
    }

    /// <summary>Decodes DER; false when the bytes are not a proof.</summary>
    public static bool TryDecode(ReadOnlyMemory<byte> encoded, [NotNullWhen(true)] out InclusionProof? proof)
    {
        proof = null;
        try
        {
            var outer = new AsnReader(encoded, AsnEncodingRules.DER);
            var reader = outer.ReadSequence();
            outer.ThrowIfNotEmpty();
            if (!reader.TryReadInt64(out var index) || !reader.TryReadInt64(out var size))
            {
                return false;
            }

            var pathReader = reader.ReadSequence();
            reader.ThrowIfNotEmpty();
            var path = new List<byte[]>();
            while (pathReader.HasData)
            {
                path.Add(pathReader.ReadOctetString());
            }

            proof = new InclusionProof(index, size, path);
            return true;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }
}
