using System.Security.Cryptography;

namespace ExchangeGateway.Core.MessageLog;

/// <summary>
/// The SHA-256 of the last few signatures a record hash took in, found again by their bytes. One batch signature
/// covers many messages, so the records of one commit mostly carry a handful of signatures, each about a kilobyte:
/// comparing bytes is far cheaper than hashing them again. For one thread (the log's writer).
/// </summary>
internal sealed class SignatureHashes
{
    private const int Size = 8;

    private readonly byte[][] _signatures = new byte[Size][];
    private readonly byte[][] _hashes = new byte[Size][];
    private int _next;

    /// <summary>The SHA-256 of <paramref name="signature"/>, or nothing when there is none.</summary>
    public byte[] Of(byte[]? signature)
    {
        if (signature is null)
        {
            return [];
        }

        for (var i = 0; i < Size; i++)
        {
            if (_signatures[i] is { } known && known.AsSpan().SequenceEqual(signature))
            {
                return _hashes[i];
            }
        }

        // A copy, not the caller's array: bytes changed after this record cannot lend their old hash to the next.
        var hash = SHA256.HashData(signature);
        _signatures[_next] = signature.ToArray();
        _hashes[_next] = hash;
        _next = (_next + 1) % Size;
        return hash;
    }
}
