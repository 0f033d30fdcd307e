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
    public void SiblingsOnTheLeft_EveryProofOfEverySize_SayHowToHashByHandToTheRoot()
    {
        var random = new Random(2132);
        for (var size = 1; size <= 70; size++)
        {
            var leaves = Enumerable.Range(0, size).Select(_ => RandomBytes(random, 32)).ToList();
            var (root, paths) = MerkleTree.Build(leaves);
            for (var i = 0; i < size; i++)
            {
                var sides = MerkleTree.SiblingsOnTheLeft(i, size, paths[i].Length);

                Assert.NotNull(sides);
                var r = MerkleTree.LeafHash(leaves[i]);
                foreach (var (left, step) in sides.Select((l, step) => (l, step)))
                {
                    r = left ? Node(paths[i][step], r) : Node(r, paths[i][step]);
                }

                Assert.Equal(root, r);
            }
        }

        Assert.Null(MerkleTree.SiblingsOnTheLeft(3, 3, 1));
        Assert.Null(MerkleTree.SiblingsOnTheLeft(0, 4, 1));
        Assert.Null(MerkleTree.SiblingsOnTheLeft(0, 4, 3));
    }

    [Fact]
    public void Nodes_EverySize_KeepTheRootAndEveryLeafsPathAsBuildMakesThem()
    {
        var random = new Random(6962);
        for (var size = 1; size <= 70; size++)
        {
            var leaves = Enumerable.Range(0, size).Select(_ => RandomBytes(random, 32)).ToList();
            var (root, paths) = MerkleTree.Build(leaves);

            var (nodesRoot, nodes) = MerkleTree.Nodes(leaves);

            Assert.Equal(root, nodesRoot);
            Assert.Equal(MerkleTree.NodeCount(size) * 32, nodes.Length);
            for (var i = 0; i < size; i++)
            {
                Assert.Equal(paths[i], MerkleTree.PathFromNodes(nodes, size, i));
            }

            Assert.Null(MerkleTree.PathFromNodes(nodes, size, size));
            Assert.Null(MerkleTree.PathFromNodes(nodes, size + 1, 0));
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

    [Theory]
    [InlineData(1, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")]
    [InlineData(2, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")]
    [InlineData(3, "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77")]
    [InlineData(4, "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")]
    [InlineData(5, "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4")]
    [InlineData(6, "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef")]
    [InlineData(7, "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c")]
    [InlineData(8, "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")]
    public void Root_ReferenceLeaves_MatchesRfc6962TestVectors(int size, string root)
    {
        byte[][] leaves =
        [
            [], [0x00], [0x10], [0x20, 0x21], [0x30, 0x31], [0x40, 0x41, 0x42, 0x43],
            Convert.FromHexString("5051525354555657"), Convert.FromHexString("606162636465666768696a6b6c6d6e6f"),
        ];

        Assert.Equal(root, Convert.ToHexStringLower(MerkleTree.Root(leaves[..size])));
        Assert.Equal(root, Convert.ToHexStringLower(MerkleTree.Build(leaves[..size]).Root));
    }

    private static byte[] Node(byte[] left, byte[] right) => SHA256.HashData([1, .. left, .. right]);

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
