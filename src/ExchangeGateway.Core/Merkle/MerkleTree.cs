using System.Security.Cryptography;

namespace ExchangeGateway.Core.Merkle;

/// <summary>
/// The Merkle tree hash of RFC 9162 section 2.1.1 (as RFC 6962): leaves hashed as SHA-256(0x00 || leaf), interior
/// nodes as SHA-256(0x01 || left || right), the split at the largest power of two below the size. One signature
/// or one time-stamp token over the root then covers every leaf, each with its own inclusion proof.
/// </summary>
public static class MerkleTree
{
    /// <summary>The root over <paramref name="leaves"/>; there must be at least one.</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        ArgumentOutOfRangeException.ThrowIfZero(leaves.Count);
        return Root(leaves.Select(LeafHash).ToArray().AsSpan());
    }

    /// <summary>
    /// The root, and for each leaf its audit path (RFC 9162 section 2.1.3.1), in one pass over the tree.
    /// </summary>
    public static (byte[] Root, byte[][][] Paths) Build(IReadOnlyList<byte[]> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        ArgumentOutOfRangeException.ThrowIfZero(leaves.Count);
        var hashes = leaves.Select(LeafHash).ToArray();
        var paths = new List<byte[]>[hashes.Length];
        for (var i = 0; i < paths.Length; i++)
        {
            paths[i] = [];
        }

        var root = Build(hashes, 0, hashes.Length, paths);
        return (root, paths.Select(p => p.ToArray()).ToArray());
    }

    /// <summary>
    /// The tree's every node, 32 bytes each, a level at a time from the leaf hashes up to the root (the last 32
    /// bytes): what a time-stamp keeps so that each leaf's audit path can be read back (<see cref="PathFromNodes"/>)
    /// without storing one path per leaf.
    /// </summary>
    /// <remarks>
    /// Neighbours are paired at each level and a lone last node is carried up unchanged: the same tree as RFC 9162's
    /// split at the largest power of two.
    /// </remarks>
    public static (byte[] Root, byte[] Nodes) Nodes(IReadOnlyList<byte[]> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        ArgumentOutOfRangeException.ThrowIfZero(leaves.Count);
        var nodes = new byte[NodeCount(leaves.Count) * 32];
        for (var i = 0; i < leaves.Count; i++)
        {
            LeafHash(leaves[i]).CopyTo(nodes, i * 32);
        }

        var (start, count, next) = (0, leaves.Count, leaves.Count);
        while (count > 1)
        {
            for (var j = 0; j + 1 < count; j += 2, next++)
            {
                var pair = nodes.AsSpan((start + j) * 32, 64);
                NodeHash(pair[..32], pair[32..], nodes.AsSpan(next * 32, 32));
            }

            if (count % 2 == 1)
            {
                nodes.AsSpan((start + count - 1) * 32, 32).CopyTo(nodes.AsSpan(next * 32, 32));
                next++;
            }

            (start, count) = (start + count, (count + 1) / 2);
        }

        return (nodes[^32..], nodes);
    }

    /// <summary>The audit path of leaf <paramref name="index"/> of <paramref name="size"/> from the nodes
    /// <see cref="Nodes"/> made; null when the nodes do not fit the size or the index is outside it.</summary>
    public static byte[][]? PathFromNodes(ReadOnlySpan<byte> nodes, long size, long index)
    {
        if (size < 1 || index < 0 || index >= size || size > int.MaxValue || nodes.Length != NodeCount((int)size) * 32)
        {
            return null;
        }

        var path = new List<byte[]>();
        var (start, count, j) = (0L, size, index);
        while (count > 1)
        {
            var sibling = j ^ 1;
            if (sibling < count)
            {
                path.Add(nodes.Slice((int)(start + sibling) * 32, 32).ToArray());
            }

            (start, count, j) = (start + count, (count + 1) / 2, j >> 1);
        }

        return [.. path];
    }

    /// <summary>How many nodes a tree of <paramref name="size"/> leaves has when every level is kept.</summary>
    public static int NodeCount(int size)
    {
        var total = 0;
        for (var count = size; ; count = (count + 1) / 2)
        {
            total += count;
            if (count == 1)
            {
                return total;
            }
        }
    }

    /// <summary>Recomputes the root from a leaf and its audit path (RFC 9162 section 2.1.3.2).</summary>
    /// <returns>The root, or null when the index, size and path do not fit together.</returns>
    public static byte[]? RootFromPath(byte[] leaf, long index, long size, IReadOnlyList<byte[]> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (index < 0 || index >= size)
        {
            return null;
        }

        var fn = index;
        var sn = size - 1;
        var r = LeafHash(leaf);
        foreach (var p in path)
        {
            if (sn == 0 || p.Length != 32)
            {
                return null;
            }

            r = LeftStep(ref fn, ref sn) ? NodeHash(p, r) : NodeHash(r, p);
        }

        return sn == 0 ? r : null;
    }

    /// <summary>For each entry of an audit path of <paramref name="count"/> hashes, whether it is the left sibling
    /// (so that the next node is SHA-256(0x01 || entry || r)) or the right one, as <see cref="RootFromPath"/>
    /// combines them: what a person checking a proof by hand needs to know.</summary>
    /// <returns>The sides, or null when the index, size and length do not fit together.</returns>
    public static bool[]? SiblingsOnTheLeft(long index, long size, int count)
    {
        if (index < 0 || index >= size)
        {
            return null;
        }

        var left = new bool[count];
        var fn = index;
        var sn = size - 1;
        for (var i = 0; i < count; i++)
        {
            if (sn == 0)
            {
                return null;
            }

            left[i] = LeftStep(ref fn, ref sn);
        }

        return sn == 0 ? left : null;
    }

    /// <summary>One step up the tree as RFC 9162 section 2.1.3.2 walks it: whether the next path entry is the left
    /// sibling; <paramref name="fn"/> and <paramref name="sn"/> move on to the parent.</summary>
    private static bool LeftStep(ref long fn, ref long sn)
    {
        var left = (fn & 1) == 1 || fn == sn;
        if (left && (fn & 1) == 0)
        {
            while ((fn & 1) == 0 && fn != 0)
            {
                fn >>= 1;
                sn >>= 1;
            }
        }

        fn >>= 1;
        sn >>= 1;
        return left;
    }

    /// <summary>SHA-256(0x00 || leaf).</summary>
    public static byte[] LeafHash(byte[] leaf)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        var buffer = new byte[leaf.Length + 1];
        leaf.CopyTo(buffer, 1);
        return SHA256.HashData(buffer);
    }

    /// <summary>SHA-256(0x01 || left || right).</summary>
    internal static byte[] NodeHash(byte[] left, byte[] right)
    {
        var hash = new byte[32];
        NodeHash(left, right, hash);
        return hash;
    }

    /// <summary>SHA-256(0x01 || left || right) into <paramref name="destination"/>.</summary>
    private static void NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        Span<byte> buffer = stackalloc byte[65];
        buffer[0] = 1;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[33..]);
        SHA256.HashData(buffer, destination);
    }

    private static byte[] Root(Span<byte[]> hashes)
    {
        if (hashes.Length == 1)
        {
            return hashes[0];
        }

        var k = SplitPoint(hashes.Length);
        return NodeHash(Root(hashes[..k]), Root(hashes[k..]));
    }

    private static byte[] Build(byte[][] hashes, int start, int count, List<byte[]>[] paths)
    {
        if (count == 1)
        {
            return hashes[start];
        }

        var k = SplitPoint(count);
        var left = Build(hashes, start, k, paths);
        var right = Build(hashes, start + k, count - k, paths);

        // Every leaf on the left needs the right subtree's root, and the other way round; paths grow leaf upwards.
        for (var i = start; i < start + k; i++)
        {
            paths[i].Add(right);
        }

        for (var i = start + k; i < start + count; i++)
        {
            paths[i].Add(left);
        }

        return NodeHash(left, right);
    }

    /// <summary>The largest power of two smaller than <paramref name="n"/> (n &gt; 1).</summary>
    private static int SplitPoint(int n)
    {
        var k = 1;
        while (k << 1 < n)
        {
            k <<= 1;
        }

        return k;
    }
}
