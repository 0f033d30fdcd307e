using System.Diagnostics.CodeAnalysis;
using System.Formats.Asn1;
using System.Security.Cryptography;

namespace ExchangeGateway.Core.Envelopes;

/// <summary>
/// The canonical DER encoding of an <see cref="Envelope"/>:
/// <code>
/// Envelope ::= SEQUENCE {
///   version INTEGER (1), kind INTEGER, messageId UTF8String, client UTF8String, service UTF8String,
///   method UTF8String, userId UTF8String, issue UTF8String, createdAt GeneralizedTime,
///   payloadDigest OCTET STRING, metadataDigest OCTET STRING, requestHash OCTET STRING,
///   statusCode INTEGER, statusDetail UTF8String }
/// </code>
/// DER (ITU-T X.690) has exactly one encoding per value, which is what a signature over bytes needs.
/// </summary>
public static class EnvelopeCodec
{
    private const int Version = 1;

    /// <summary>Encodes an envelope to DER.</summary>
    public static byte[] Encode(Envelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);

        // Sized for the envelope at hand (three digests, a time and the texts, UTF-8 at most three bytes a char),
        // so that the writer does not start from its default kilobyte.
        var texts = envelope.MessageId.Length + envelope.Client.Length + envelope.Service.Length
            + envelope.Method.Length + envelope.UserId.Length + envelope.Issue.Length + envelope.StatusDetail.Length;
        var writer = new AsnWriter(AsnEncodingRules.DER, initialCapacity: 192 + (3 * texts));
        using (writer.PushSequence())
        {
            writer.WriteInteger(Version);
            writer.WriteInteger((int)envelope.Kind);
            writer.WriteCharacterString(UniversalTagNumber.UTF8String, envelope.MessageId);
            writer.WriteCharacterString(UniversalTagNumber.UTF8String, envelope.Client);
            writer.WriteCharacterString(UniversalTagNumber.UTF8String, envelope.Service);
            writer.WriteCharacterString(UniversalTagNumber.UTF8String, envelope.Method);
            writer.WriteCharacterString(UniversalTagNumber.UTF8String, envelope.UserId);
            writer.WriteCharacterString(UniversalTagNumber.UTF8String, envelope.Issue);
            writer.WriteGeneralizedTime(Envelope.Truncate(envelope.CreatedAt));
            writer.WriteOctetString(envelope.PayloadDigest.Span);
            writer.WriteOctetString(envelope.MetadataDigest.Span);
            writer.WriteOctetString(envelope.RequestHash.Span);
            writer.WriteInteger(envelope.StatusCode);
            writer.WriteCharacterString(UniversalTagNumber.UTF8String, envelope.StatusDetail);
        }

        return writer.Encode();
    }

    /// <summary>Decodes DER envelope bytes; false when they are not a well-formed version 1 envelope.</summary>
    public static bool TryDecode(
        ReadOnlyMemory<byte> encoded, [NotNullWhen(true)] out Envelope? envelope, out string? failure)
    {
        envelope = null;
        try
        {
            envelope = Read(encoded);
            failure = null;
            return true;
        }
        catch (AsnContentException ex)
        {
            failure = $"envelope is not valid DER: {ex.Message}";
        }
        catch (InvalidDataException ex)
        {
            failure = ex.Message;
        }

        return false;
    }

    /// <summary>The SHA-256 of the canonical bytes: the name by which a response refers to its request.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> encoded) => SHA256.HashData(encoded);

    private static Envelope Read(ReadOnlyMemory<byte> encoded)
    {
        var outer = new AsnReader(encoded, AsnEncodingRules.DER);
        var reader = outer.ReadSequence();
        outer.ThrowIfNotEmpty();
        if (!reader.TryReadInt32(out var version) || version != Version)
        {
            throw new InvalidDataException($"envelope version is not {Version}");
        }

        if (!reader.TryReadInt32(out var kind) || !Enum.IsDefined((EnvelopeKind)kind))
        {
            throw new InvalidDataException("envelope kind is neither request nor response");
        }

        var envelope = new Envelope
        {
            Kind = (EnvelopeKind)kind,
            MessageId = reader.ReadCharacterString(UniversalTagNumber.UTF8String),
            Client = reader.ReadCharacterString(UniversalTagNumber.UTF8String),
            Service = reader.ReadCharacterString(UniversalTagNumber.UTF8String),
            Method = reader.ReadCharacterString(UniversalTagNumber.UTF8String),
            UserId = reader.ReadCharacterString(UniversalTagNumber.UTF8String),
            Issue = reader.ReadCharacterString(UniversalTagNumber.UTF8String),
            CreatedAt = GeneralizedTimes.Read(reader),
            PayloadDigest = reader.ReadOctetString(),
            MetadataDigest = reader.ReadOctetString(),
            RequestHash = reader.ReadOctetString(),
            StatusCode = reader.TryReadInt32(out var status) ? status : throw new InvalidDataException("bad status"),
            StatusDetail = reader.ReadCharacterString(UniversalTagNumber.UTF8String),
        };
        reader.ThrowIfNotEmpty();
        return envelope;
    }
}
