using System.Runtime.InteropServices;
using Google.Protobuf;

namespace ExchangeGateway.Host;

/// <summary>Bytes of a protobuf field without copying them when they already fill an array of their own.</summary>
internal static class ByteStrings
{
    /// <summary>
    /// The array behind <paramref name="value"/> when it spans the whole array (as a parsed field's bytes do), else a
    /// copy. A payload of a mebibyte then lives once on each side of a gateway, not twice, and an envelope, signature
    /// or proof is not copied again for the log. Callers never write to the array: a ByteString is immutable.
    /// </summary>
    public static byte[] Array(ByteString value) =>
        MemoryMarshal.TryGetArray(value.Memory, out var segment) && segment.Offset == 0
            && segment.Count == segment.Array!.Length
            ? segment.Array
            : value.ToByteArray();
}
