using System.Security.Cryptography;
using ExchangeGateway.Core.Merkle;

namespace ExchangeGateway.Core.Tests.Merkle;

public sealed class MerkleTreeTests
{
    [Fact]
    public void Root_OfOneLeaf_IsItsLeafHash()
    {
        var leaf = SHA256.HashData("a"u8);

        Assert.Equal(MerkleTree.LeafHash(leaf), MerkleTree.Root([leaf]));
    }

    [Fact]
    public void Root_OfThreeLeaves_FollowsRfc9162Split()
    {
        byte[][] leaves = [[1], [2], [3]];
        var h = leaves.Select(MerkleTree.LeafHash).ToArray();

        var expected = Node(Node(h[0], h[1]), h[2]);

        Assert.Equal(expected, MerkleTree.Root(leaves));
    }

    [Fact]
    public void Build_EveryProofOfEverySize_LeadsToTheRoot()
    {
        var random = new Random(9162);
        for (var size = 1; size <= 70; size++)
        {
            var leaves = Enumerable.Range(0, size).Select(_ => RandomBytes(random, 32)).ToList();

            var (root, paths) = MerkleTree.Build(leaves);

            Assert.Equal(MerkleTree.Root(leaves), root);
            for (var i = 0; i < size; i++)
            {
                Assert.Equal(root, MerkleTree.RootFromPath(leaves[i], i, size, paths[i]));
            }
        }
    }

    [Fact]
    public void RootFromPath_WithOtherLeafIndexOrSize_DoesNotLeadToTheRoot()
    {
        var leaves = Enumerable.Range(0, 13).Select(i => new[] { (byte)i }).ToList();
        var (root, paths) = MerkleTree.Build(leaves);

        Assert.NotEqual(root, MerkleTree.RootFromPath([99], 5, 13, paths[5]));
        Assert.NotEqual(root, MerkleTree.RootFromPath(leaves[5], 6, 13, paths[5]));
        Assert.NotEqual(root, MerkleTree.RootFromPath(leaves[12], 12, 13, paths[5]));
        Assert.Null(MerkleTree.RootFromPath(leaves[5], 13, 13, paths[5]));
        Assert.Null(MerkleTree.RootFromPath(leaves[5], 5, 13, paths[5].Take(2).ToList()));
    }

    [Fact]
    public void InclusionProof_RoundTripsThroughDer()
    {
        var proof = new InclusionProof(6, 9, [RandomBytes(new Random(1), 32), RandomBytes(new Random(2), 32)]);

        Assert.True(InclusionProof.TryDecode(proof.Encode(), out var decoded));
        Assert.Equal(proof.Index, decoded.Index);
        Assert.Equal(proof.Size, decoded.Size);
        Assert.Equal(proof.Path, decoded.Path);
        Assert.False(InclusionProof.TryDecode(new byte[] { 0x30, 0x03, 0x02, 0x01 }, out _));
    }

    private static byte[] Node(byte[] left, byte[] right) => SHA256.HashData([1, .. left, .. right]);

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
