using ExchangeGateway.Host.Exchange.V1;
using Google.Protobuf;

namespace ExchangeGateway.Host.Tests;

public sealed class ByteStringsTests
{
    [Fact]
    public void ParsedField_GivesTheArrayBehindIt_WithoutACopy()
    {
        var payload = Enumerable.Range(0, 4096).Select(i => (byte)i).ToArray();
        var parsed = ExchangeResponse.Parser.ParseFrom(
            new ExchangeResponse { Payload = ByteString.CopyFrom(payload) }.ToByteArray());

        var first = ByteStrings.Array(parsed.Payload);

        Assert.Same(first, ByteStrings.Array(parsed.Payload));
        Assert.Equal(payload, first);
    }

    [Fact]
    public void PartOfAnArray_IsCopied()
    {
        var whole = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();
        var part = UnsafeByteOperations.UnsafeWrap(whole.AsMemory(10, 20));

        var bytes = ByteStrings.Array(part);

        Assert.NotSame(whole, bytes);
        Assert.Equal(whole[10..30], bytes);
    }
}
