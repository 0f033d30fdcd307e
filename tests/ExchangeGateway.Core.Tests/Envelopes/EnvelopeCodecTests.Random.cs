using System.Text;
using ExchangeGateway.Core.Envelopes;
using ExchangeGateway.Core.Tests.Support;

namespace ExchangeGateway.Core.Tests.Envelopes;

/// <summary>Seeded random envelopes standing in for property tests: encode, decode, encode again.</summary>
public sealed partial class EnvelopeCodecTests
{
    [Fact]
    public void EncodeThenDecode_200SeededRandomEnvelopesWholeSeconds_RoundTripAndReencodeToSameBytes()
    {
        var random = new Random(42);

        for (var round = 0; round < 200; round++)
        {
            var envelope = RandomEnvelope(random, TimeSpan.TicksPerSecond);

            var encoded = EnvelopeCodec.Encode(envelope);
            var decoded = Decode(encoded);

            EnvelopeAssert.SameFields(envelope, decoded);
            Assert.Equal(encoded, EnvelopeCodec.Encode(decoded));
        }
    }

    [Fact]
    public void EncodeThenDecode_200SeededRandomEnvelopesMicroseconds_RoundTripAndReencodeToSameBytes()
    {
        var random = new Random(42);

        for (var round = 0; round < 200; round++)
        {
            var envelope = RandomEnvelope(random, ticksStep: 10);

            var encoded = EnvelopeCodec.Encode(envelope);
            var decoded = Decode(encoded);

            EnvelopeAssert.SameFields(envelope, decoded);
            Assert.Equal(encoded, EnvelopeCodec.Encode(decoded));
        }
    }

    [Theory]
    [InlineData(350)]
    [InlineData(650)]
    [InlineData(3_001_790)]
    public void TryDecode_SomeMicrosecondTimes_DecodeToTheTimeEncoded(long ticksAfterSecond)
    {
        var request = SampleEnvelopes.Request() with
        {
            CreatedAt = new DateTimeOffset(2026, 3, 2, 9, 30, 15, TimeSpan.Zero).AddTicks(ticksAfterSecond),
        };
        var encoded = EnvelopeCodec.Encode(request);

        var decoded = Decode(encoded);

        Assert.Equal(request.CreatedAt, decoded.CreatedAt);
        Assert.Equal(encoded, EnvelopeCodec.Encode(decoded));
    }

    private static readonly string[] Pieces =
    [
        "a", "Z", "0", "-", "_", ".", "/", ":", " ", "\t", "\u0000", "\u0103", "\u0219", "\u021b", "\u00ee",
        "\u0416", "\u4e2d", "\u200B", "\U0001F600", "\U0001D400", "e\u0301",
    ];

    /// <summary>
    /// A random envelope whose time is a multiple of <paramref name="ticksStep"/> plus noise below a microsecond,
    /// which the codec must drop.
    /// </summary>
    private static Envelope RandomEnvelope(Random random, long ticksStep)
    {
        var from = new DateTimeOffset(1950, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var until = new DateTimeOffset(2150, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var steps = random.NextInt64(0, (until - from).Ticks / ticksStep);
        var offset = TimeSpan.FromMinutes(random.Next(-14 * 60, 14 * 60 + 1));
        return new Envelope
        {
            Kind = random.Next(2) == 0 ? EnvelopeKind.Request : EnvelopeKind.Response,
            MessageId = RandomText(random),
            Client = RandomText(random),
            Service = RandomText(random),
            Method = RandomText(random),
            UserId = RandomText(random),
            Issue = RandomText(random),
            CreatedAt = from.AddTicks((steps * ticksStep) + random.Next(10)).ToOffset(offset),
            PayloadDigest = RandomBytes(random),
            MetadataDigest = RandomBytes(random),
            RequestHash = RandomBytes(random),
            StatusCode = random.Next(int.MinValue, int.MaxValue),
            StatusDetail = RandomText(random),
        };
    }

    private static string RandomText(Random random)
    {
        var text = new StringBuilder();
        var length = random.Next(0, 40);
        for (var i = 0; i < length; i++)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return text.ToString();
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 65)];
        random.NextBytes(bytes);
        return bytes;
    }
}
