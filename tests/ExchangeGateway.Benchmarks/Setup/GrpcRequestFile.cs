using System.Buffers.Binary;
using System.Security.Cryptography;
using ExchangeGateway.Testing.V1;
using Google.Protobuf;

namespace ExchangeGateway.Benchmarks.Setup;

/// <summary>
/// A unary request body for h2load: one gRPC length-prefixed message (flag 0, four-byte big-endian length, the
/// message), as the gRPC over HTTP/2 protocol frames it; the message an <see cref="EchoRequest"/> of random bytes.
/// </summary>
internal static class GrpcRequestFile
{
    public static string Write(string directory, int payloadBytes)
    {
        var message = new EchoRequest { Payload = ByteString.CopyFrom(RandomNumberGenerator.GetBytes(payloadBytes)) }
            .ToByteArray();
        var framed = new byte[5 + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1), (uint)message.Length);
        message.CopyTo(framed, 5);
        var path = Path.Combine(directory, $"echo-request-{payloadBytes}.bin");
        File.WriteAllBytes(path, framed);
        return path;
    }

    /// <summary>The length of the framed reply to a request of <paramref name="payloadBytes"/>: what h2load must
    /// receive as data per call when the call succeeded with the whole payload.</summary>
    public static long ReplyFrameBytes(int payloadBytes) =>
        5 + new EchoReply { Payload = ByteString.CopyFrom(new byte[payloadBytes]) }.CalculateSize();
}
