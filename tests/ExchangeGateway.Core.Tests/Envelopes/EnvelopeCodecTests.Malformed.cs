using System.Formats.Asn1;
using ExchangeGateway.Core.Envelopes;
using ExchangeGateway.Core.Tests.Support;

namespace ExchangeGateway.Core.Tests.Envelopes;

/// <summary>Malformed bytes: refused with a failure text, never an exception.</summary>
public sealed partial class EnvelopeCodecTests
{
    [Fact]
    public void TryDecode_EveryTruncation_FailsWithText()
    {
        var encoded = EnvelopeCodec.Encode(SampleEnvelopes.Request());

        for (var length = 0; length < encoded.Length; length++)
        {
            AssertRefused(encoded.AsMemory(0, length));
        }
    }

    [Theory]
    [InlineData(new byte[] { 0x00 })]
    [InlineData(new byte[] { 0x30, 0x00 })]
    [InlineData(new byte[] { 0x05, 0x00 })]
    public void TryDecode_TrailingGarbage_FailsWithText(byte[] garbage)
    {
        var encoded = EnvelopeCodec.Encode(SampleEnvelopes.Request());

        byte[] followed = [.. encoded, .. garbage];

        AssertRefused(followed);
    }

    [Fact]
    public void TryDecode_TwoEnvelopesBackToBack_Fails()
    {
        var encoded = EnvelopeCodec.Encode(SampleEnvelopes.Request());

        byte[] twice = [.. encoded, .. encoded];

        AssertRefused(twice);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(-1)]
    [InlineData(256)]
    public void TryDecode_WrongVersion_SaysVersionIsNot1(int version)
    {
        var encoded = Documented(SampleEnvelopes.Request(), version: version);

        var failure = AssertRefused(encoded);

        Assert.Equal("envelope version is not 1", failure);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(-1)]
    public void TryDecode_UnknownKind_SaysKindIsNeitherRequestNorResponse(int kind)
    {
        var encoded = Documented(SampleEnvelopes.Request(), kind: kind);

        Assert.Equal("envelope kind is neither request nor response", AssertRefused(encoded));
    }

    [Fact]
    public void TryDecode_StatusCodeBeyondInt32_SaysBadStatus()
    {
        var encoded = Documented(SampleEnvelopes.Request(), statusCode: 1L << 40);

        Assert.Equal("bad status", AssertRefused(encoded));
    }

    [Fact]
    public void TryDecode_ExtraFieldInSequence_Fails()
    {
        AssertRefused(Documented(SampleEnvelopes.Request(), extra: true));
    }

    [Fact]
    public void TryDecode_InvalidUtf8InMessageId_FailsAsNotDer()
    {
        var encoded = Documented(SampleEnvelopes.Request(), rawMessageId: [0x61, 0xC3, 0x28]);

        Assert.StartsWith("envelope is not valid DER", AssertRefused(encoded), StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_PrintableStringInsteadOfUtf8_FailsAsNotDer()
    {
        var encoded = Documented(SampleEnvelopes.Request(), printableMessageId: true);

        Assert.StartsWith("envelope is not valid DER", AssertRefused(encoded), StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_NonMinimalLength_FailsAsNotDer()
    {
        var encoded = EnvelopeCodec.Encode(SampleEnvelopes.Request());
        var outer = new AsnReader(encoded, AsnEncodingRules.DER);
        var content = outer.ReadEncodedValue();
        var contentLength = new AsnReader(content, AsnEncodingRules.DER).ReadSequence().PeekContentBytes().Length;
        var header = encoded.Length - contentLength;
        byte[] longForm = [0x30, 0x84, 0, 0, (byte)(contentLength >> 8), (byte)contentLength, .. encoded[header..]];

        Assert.StartsWith("envelope is not valid DER", AssertRefused(longForm), StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_TimeWithTrailingZeroFraction_FailsAsNotDer()
    {
        var encoded = Documented(SampleEnvelopes.Request(), rawTime: "20260302093015.1234560Z"u8.ToArray());

        Assert.StartsWith("envelope is not valid DER", AssertRefused(encoded), StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_TimeFinerThanMicroseconds_IsRefused()
    {
        var encoded = Documented(SampleEnvelopes.Request(), rawTime: "20260302093015.1234567Z"u8.ToArray());

        AssertRefused(encoded);
    }

    [Theory]
    [InlineData("20260302093015Z", 0)]
    [InlineData("20260302093015.1Z", 1_000_000)]
    [InlineData("20260302093015.12Z", 1_200_000)]
    [InlineData("20260302093015.123Z", 1_230_000)]
    [InlineData("20260302093015.1234Z", 1_234_000)]
    [InlineData("20260302093015.12345Z", 1_234_500)]
    [InlineData("20260302093015.123456Z", 1_234_560)]
    public void TryDecode_TimeWithEachFractionLength_ReadsItsTicks(string time, long ticks)
    {
        var encoded = Documented(SampleEnvelopes.Request(), rawTime: System.Text.Encoding.ASCII.GetBytes(time));

        var decoded = Decode(encoded);

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 30, 15, TimeSpan.Zero).AddTicks(ticks), decoded.CreatedAt);
    }

    [Theory]
    [InlineData("20260302093015.Z")]
    [InlineData("202603020930Z")]
    [InlineData("2026030209301Z")]
    [InlineData("20260302093015.12345x")]
    [InlineData("20260302093015+0200")]
    [InlineData("2026030209301512Z")]
    public void TryDecode_TimeNotOfTheFormats_IsRefused(string time)
    {
        var encoded = Documented(SampleEnvelopes.Request(), rawTime: System.Text.Encoding.ASCII.GetBytes(time));

        AssertRefused(encoded);
    }

    [Fact]
    public void TryDecode_SeededByteMutations_NeverThrow()
    {
        var random = new Random(42);
        var encoded = EnvelopeCodec.Encode(SampleEnvelopes.Response(SampleEnvelopes.Request()));
        var refused = 0;

        for (var round = 0; round < 3000; round++)
        {
            var mutated = Mutate(encoded, random);
            var exception = Record.Exception(() =>
            {
                if (!EnvelopeCodec.TryDecode(mutated, out _, out var failure))
                {
                    Assert.False(string.IsNullOrWhiteSpace(failure));
                    refused++;
                }
            });

            Assert.Null(exception);
        }

        Assert.InRange(refused, 1000, 3000);
    }

    private static string AssertRefused(ReadOnlyMemory<byte> encoded)
    {
        var decoded = EnvelopeCodec.TryDecode(encoded, out var envelope, out var failure);

        Assert.False(decoded);
        Assert.Null(envelope);
        Assert.False(string.IsNullOrWhiteSpace(failure));
        return failure;
    }

    private static byte[] Mutate(byte[] encoded, Random random)
    {
        var bytes = new List<byte>(encoded);
        var edits = random.Next(1, 4);
        for (var edit = 0; edit < edits; edit++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(3))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                default:
                    bytes.RemoveAt(at);
                    break;
            }
        }

        return [.. bytes];
    }
}
