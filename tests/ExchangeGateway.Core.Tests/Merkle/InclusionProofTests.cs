using System.Security.Cryptography;
using ExchangeGateway.Core.Merkle;

namespace ExchangeGateway.Core.Tests.Merkle;

public sealed class InclusionProofTests
{
    [Fact]
    public void Encode_ThenTryDecode_RoundTrips()
    {
        var leaves = Enumerable.Range(0, 7).Select(i => SHA256.HashData(BitConverter.GetBytes(i))).ToArray();
        var (root, paths) = MerkleTree.Build(leaves);
        var proof = new InclusionProof(3, 7, paths[3]);

        Assert.True(InclusionProof.TryDecode(proof.Encode(), out var decoded));

        Assert.Equal(3, decoded.Index);
        Assert.Equal(7, decoded.Size);
        Assert.Equal(paths[3], decoded.Path);
        Assert.Equal(root, decoded.RootFor(leaves[3]));
    }

    [Fact]
    public void Encode_BatchOfOne_HasEmptyPathAndLeadsToLeafHash()
    {
        var leaf = SHA256.HashData("only"u8);

        Assert.True(InclusionProof.TryDecode(new InclusionProof(0, 1, []).Encode(), out var decoded));

        Assert.Empty(decoded.Path);
        Assert.Equal(MerkleTree.LeafHash(leaf), decoded.RootFor(leaf));
    }

    [Theory]
    [InlineData("")]
    [InlineData("3000")]
    [InlineData("05 00")]
    [InlineData("3008 020101 020102 3000 00")]
    [InlineData("3007 020101 020102 3000 00")]
    [InlineData("300b 020101 0209010000000000000000 3000")]
    public void TryDecode_NotAProof_ReturnsFalse(string hex)
    {
        Assert.False(InclusionProof.TryDecode(Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal)),
            out var proof));
        Assert.Null(proof);
    }

    [Fact]
    public void TryDecode_SeededByteMutations_NeverThrow()
    {
        var leaves = Enumerable.Range(0, 9).Select(i => SHA256.HashData(BitConverter.GetBytes(i))).ToArray();
        var encoded = new InclusionProof(4, 9, MerkleTree.Build(leaves).Paths[4]).Encode();
        var random = new Random(42);

        for (var round = 0; round < 2000; round++)
        {
            var mutated = encoded.ToArray();
            mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            var cut = mutated[..random.Next(mutated.Length + 1)];

            var exception = Record.Exception(() => InclusionProof.TryDecode(cut, out _));

            Assert.Null(exception);
        }
    }
}
