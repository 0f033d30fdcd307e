using System.Formats.Asn1;
using System.Security.Cryptography;
using ExchangeGateway.Core.Envelopes;
using ExchangeGateway.Core.Tests.Support;

namespace ExchangeGateway.Core.Tests.Envelopes;

public sealed partial class EnvelopeCodecTests
{
    [Fact]
    public void Encode_Request_RoundTripsEveryField()
    {
        var request = SampleEnvelopes.Request();

        var decoded = Decode(EnvelopeCodec.Encode(request));

        EnvelopeAssert.SameFields(request, decoded);
        Assert.Equal(TestTime.Now, decoded.CreatedAt);
        Assert.True(decoded.RequestHash.IsEmpty);
    }

    [Fact]
    public void Encode_Response_RoundTripsEveryField()
    {
        var response = SampleEnvelopes.Response(SampleEnvelopes.Request());

        var decoded = Decode(EnvelopeCodec.Encode(response));

        EnvelopeAssert.SameFields(response, decoded);
        Assert.Equal(32, decoded.RequestHash.Length);
    }

    [Fact]
    public void Encode_Request_MatchesDocumentedAsn1()
    {
        var request = SampleEnvelopes.Request();

        Assert.Equal(Documented(request), EnvelopeCodec.Encode(request));
    }

    [Fact]
    public void Encode_SameEnvelopeTwice_GivesSameBytes()
    {
        var request = SampleEnvelopes.Request();

        Assert.Equal(EnvelopeCodec.Encode(request), EnvelopeCodec.Encode(request));
    }

    [Fact]
    public void Encode_EqualEnvelopesBuiltApart_GiveSameBytes()
    {
        var request = SampleEnvelopes.Request();
        var copy = request with
        {
            MessageId = new string(request.MessageId.AsSpan()),
            PayloadDigest = request.PayloadDigest.ToArray(),
            MetadataDigest = request.MetadataDigest.ToArray(),
        };

        Assert.Equal(EnvelopeCodec.Encode(request), EnvelopeCodec.Encode(copy));
    }

    [Fact]
    public void Encode_SubMicrosecondTicks_AreDropped()
    {
        var request = SampleEnvelopes.Request();
        var finer = request with { CreatedAt = request.CreatedAt.AddTicks(7) };

        var encoded = EnvelopeCodec.Encode(finer);

        Assert.Equal(EnvelopeCodec.Encode(request), encoded);
        Assert.Equal(TestTime.Now, Decode(encoded).CreatedAt);
    }

    [Fact]
    public void Encode_TimeWithOffset_EncodesTheUtcInstant()
    {
        var request = SampleEnvelopes.Request();
        var elsewhere = request with { CreatedAt = request.CreatedAt.ToOffset(TimeSpan.FromHours(3)) };

        var encoded = EnvelopeCodec.Encode(elsewhere);

        Assert.Equal(EnvelopeCodec.Encode(request), encoded);
        Assert.Equal(TimeSpan.Zero, Decode(encoded).CreatedAt.Offset);
    }

    [Theory]
    [InlineData("kind")]
    [InlineData("messageId")]
    [InlineData("client")]
    [InlineData("service")]
    [InlineData("method")]
    [InlineData("userId")]
    [InlineData("issue")]
    [InlineData("createdAt by one microsecond")]
    [InlineData("payloadDigest")]
    [InlineData("metadataDigest")]
    [InlineData("requestHash")]
    [InlineData("statusCode")]
    [InlineData("statusDetail")]
    [InlineData("text moved from userId to issue")]
    [InlineData("user id in NFD instead of NFC")]
    public void Encode_AnyFieldChanged_ChangesBytesAndHash(string change)
    {
        var response = SampleEnvelopes.Response(SampleEnvelopes.Request());
        var changed = Change(response, change);

        var before = EnvelopeCodec.Encode(response);
        var after = EnvelopeCodec.Encode(changed);

        Assert.NotEqual(before, after);
        Assert.NotEqual(EnvelopeCodec.Hash(before), EnvelopeCodec.Hash(after));
    }

    [Fact]
    public void Hash_Bytes_IsTheirSha256()
    {
        var encoded = EnvelopeCodec.Encode(SampleEnvelopes.Request());

        Assert.Equal(SHA256.HashData(encoded), EnvelopeCodec.Hash(encoded));
    }

    [Fact]
    public void Encode_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => EnvelopeCodec.Encode(null!));
    }

    private static Envelope Decode(byte[] encoded)
    {
        Assert.True(EnvelopeCodec.TryDecode(encoded, out var envelope, out var failure), failure);
        Assert.Null(failure);
        return envelope;
    }

    private static Envelope Change(Envelope envelope, string change) => change switch
    {
        "kind" => envelope with { Kind = EnvelopeKind.Request },
        "messageId" => envelope with { MessageId = envelope.MessageId + "0" },
        "client" => envelope with { Client = "MD/GOV/1012601000025/visa-desk" },
        "service" => envelope with { Service = envelope.Service + "V2" },
        "method" => envelope with { Method = "ListPermits" },
        "userId" => envelope with { UserId = envelope.UserId.ToUpperInvariant() },
        "issue" => envelope with { Issue = envelope.Issue + "." },
        "createdAt by one microsecond" => envelope with { CreatedAt = envelope.CreatedAt.AddTicks(10) },
        "payloadDigest" => envelope with { PayloadDigest = FlipLastBit(envelope.PayloadDigest) },
        "metadataDigest" => envelope with { MetadataDigest = FlipLastBit(envelope.MetadataDigest) },
        "requestHash" => envelope with { RequestHash = FlipLastBit(envelope.RequestHash) },
        "statusCode" => envelope with { StatusCode = envelope.StatusCode + 1 },
        "statusDetail" => envelope with { StatusDetail = "" },
        "text moved from userId to issue" => envelope with { UserId = "", Issue = envelope.UserId + envelope.Issue },
        "user id in NFD instead of NFC" => envelope with { UserId = "Ion Cra\u0306ciun" },
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
    };

    private static byte[] FlipLastBit(ReadOnlyMemory<byte> bytes)
    {
        var copy = bytes.ToArray();
        copy[^1] ^= 1;
        return copy;
    }

    /// <summary>
    /// The layout documented on <see cref="EnvelopeCodec"/>, written independently, with knobs to break it.
    /// </summary>
    private static byte[] Documented(
        Envelope envelope,
        int version = 1,
        int? kind = null,
        long? statusCode = null,
        bool extra = false,
        byte[]? rawMessageId = null,
        bool printableMessageId = false,
        byte[]? rawTime = null)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(version);
            writer.WriteInteger(kind ?? (int)envelope.Kind);
            if (rawMessageId is not null)
            {
                writer.WriteEncodedValue(
                    [(byte)UniversalTagNumber.UTF8String, (byte)rawMessageId.Length, .. rawMessageId]);
            }
            else if (printableMessageId)
            {
                writer.WriteCharacterString(UniversalTagNumber.PrintableString, "abc");
            }
            else
            {
                writer.WriteCharacterString(UniversalTagNumber.UTF8String, envelope.MessageId);
            }

            writer.WriteCharacterString(UniversalTagNumber.UTF8String, envelope.Client);
            writer.WriteCharacterString(UniversalTagNumber.UTF8String, envelope.Service);
            writer.WriteCharacterString(UniversalTagNumber.UTF8String, envelope.Method);
            writer.WriteCharacterString(UniversalTagNumber.UTF8String, envelope.UserId);
            writer.WriteCharacterString(UniversalTagNumber.UTF8String, envelope.Issue);
            if (rawTime is not null)
            {
                writer.WriteEncodedValue(
                    [(byte)UniversalTagNumber.GeneralizedTime, (byte)rawTime.Length, .. rawTime]);
            }
            else
            {
                writer.WriteGeneralizedTime(envelope.CreatedAt);
            }

            writer.WriteOctetString(envelope.PayloadDigest.Span);
            writer.WriteOctetString(envelope.MetadataDigest.Span);
            writer.WriteOctetString(envelope.RequestHash.Span);
            writer.WriteInteger(statusCode ?? envelope.StatusCode);
            writer.WriteCharacterString(UniversalTagNumber.UTF8String, envelope.StatusDetail);
            if (extra)
            {
                writer.WriteNull();
            }
        }

        return writer.Encode();
    }
}
