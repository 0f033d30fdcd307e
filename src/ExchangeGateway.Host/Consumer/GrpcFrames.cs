using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;

namespace ExchangeGateway.Host.Consumer;

/// <summary>
/// The gRPC length-prefixed message framing on HTTP/2 (gRPC over HTTP/2 protocol spec): one byte compressed flag,
/// four bytes big-endian length, the message.
/// </summary>
internal static class GrpcFrames
{
    private const int HeaderLength = 5;

    /// <summary>Reads the one message of a unary request body; null with a reason when the body is not that.</summary>
    public static async Task<(byte[]? Message, string? Failure, bool TooLarge)> ReadSingleAsync(
        PipeReader body, int maxBytes, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await body.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (buffer.Length >= HeaderLength)
            {
                var header = buffer.Slice(0, HeaderLength).ToArray();
                var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1));
                if (header[0] != 0)
                {
                    body.AdvanceTo(buffer.Start);
                    return (null, "compressed messages are not accepted; send with grpc-encoding identity", false);
                }

                if (length > (uint)maxBytes)
                {
                    body.AdvanceTo(buffer.Start);
                    return (null, $"message of {length} bytes is larger than the {maxBytes} bytes accepted", true);
                }

                if (buffer.Length >= HeaderLength + length)
                {
                    var message = buffer.Slice(HeaderLength, length).ToArray();
                    var rest = buffer.Length - HeaderLength - length;
                    body.AdvanceTo(buffer.GetPosition(HeaderLength + length));
                    var more = rest > 0
                        || (!result.IsCompleted && !await IsEndAsync(body, cancellationToken).ConfigureAwait(false));
                    if (more)
                    {
                        return (null, "a unary call carries exactly one message", false);
                    }

                    return (message, null, false);
                }
            }

            if (result.IsCompleted)
            {
                body.AdvanceTo(buffer.Start, buffer.End);
                return (null, "the request body ended before one whole gRPC message", false);
            }

            body.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Writes one uncompressed message frame.</summary>
    public static async Task WriteAsync(PipeWriter writer, byte[] message, CancellationToken cancellationToken)
    {
        var header = writer.GetSpan(HeaderLength);
        header[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)message.Length);
        writer.Advance(HeaderLength);
        await writer.WriteAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<bool> IsEndAsync(PipeReader body, CancellationToken cancellationToken)
    {
        var result = await body.ReadAsync(cancellationToken).ConfigureAwait(false);
        var empty = result.Buffer.IsEmpty;
        body.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        return empty && result.IsCompleted;
    }
}
