using System.Formats.Asn1;
using System.Security.Cryptography;

namespace ExchangeGateway.Core.MessageLog;

/// <summary>
/// The chain hash of a record: SHA-256 over the DER encoding of
/// <code>
/// Record ::= SEQUENCE { sequence INTEGER, messageId UTF8String, side INTEGER, direction INTEGER,
///   client UTF8String, service UTF8String, method UTF8String, userId UTF8String, issue UTF8String,
///   subjectHash OCTET STRING, payloadDigest OCTET STRING, payloadHash OCTET STRING, envelopeHash OCTET STRING,
///   signatureHash OCTET STRING, proofHash OCTET STRING, loggedAtMicros INTEGER, outcome UTF8String, previousHash OCTET
/// STRING }
/// </code>
/// Large fields enter by their SHA-256 (empty when absent); the time enters as the integer stored, so a record
/// read back hashes exactly as written.
/// </summary>
public static class RecordHash
{
    /// <summary>The 32 zero bytes that stand before the first record.</summary>
    public static ReadOnlySpan<byte> Genesis => new byte[32];

    /// <summary>Microseconds since the Unix epoch: the form in which times are stored and hashed.</summary>
    public static long ToMicros(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    /// <summary>The inverse of <see cref="ToMicros"/>.</summary>
    public static DateTimeOffset FromMicros(long micros) =>
        new(DateTimeOffset.UnixEpoch.UtcTicks + (micros * 10), TimeSpan.Zero);

    /// <summary>Computes the hash of <paramref name="record"/> at <paramref name="sequence"/>.</summary>
    public static byte[] Compute(long sequence, MessageRecord record, ReadOnlySpan<byte> previousHash)
    {
        ArgumentNullException.ThrowIfNull(record);
        Span<byte> payloadHash = stackalloc byte[SHA256.HashSizeInBytes];
        return Compute(sequence, record, HashOrEmpty(record.Payload, payloadHash), previousHash);
    }

    /// <summary>
    /// Computes the hash of <paramref name="record"/> with the SHA-256 of its payload given (empty for none) rather
    /// than read from <see cref="MessageRecord.Payload"/>: for payloads read as streams.
    /// </summary>
    public static byte[] Compute(
        long sequence, MessageRecord record, ReadOnlySpan<byte> payloadHash, ReadOnlySpan<byte> previousHash)
    {
        ArgumentNullException.ThrowIfNull(record);
        Span<byte> signatureHash = stackalloc byte[SHA256.HashSizeInBytes];
        return Encode(new AsnWriter(AsnEncodingRules.DER), sequence, record, payloadHash,
            HashOrEmpty(record.Signature, signatureHash), previousHash);
    }

    /// <summary>
    /// Computes the hash of <paramref name="record"/> with its signature's SHA-256 taken from
    /// <paramref name="signatures"/> and the encoding written by <paramref name="writer"/>, which is reset first:
    /// the log's writer, whose records share their batches' signatures and which hashes every record of the
    /// gateway on one thread.
    /// </summary>
    internal static byte[] Compute(long sequence, MessageRecord record, SignatureHashes signatures,
        ReadOnlySpan<byte> previousHash, AsnWriter writer)
    {
        Span<byte> payloadHash = stackalloc byte[SHA256.HashSizeInBytes];
        return Encode(writer, sequence, record, HashOrEmpty(record.Payload, payloadHash),
            signatures.Of(record.Signature), previousHash);
    }

    private static byte[] Encode(
        AsnWriter writer,
        long sequence,
        MessageRecord record,
        ReadOnlySpan<byte> payloadHash,
        ReadOnlySpan<byte> signatureHash,
        ReadOnlySpan<byte> previousHash)
    {
        Span<byte> envelopeHash = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> proofHash = stackalloc byte[SHA256.HashSizeInBytes];
        writer.Reset();
        using (writer.PushSequence())
        {
            writer.WriteInteger(sequence);
            writer.WriteCharacterString(UniversalTagNumber.UTF8String, record.MessageId);
            writer.WriteInteger((int)record.Side);
            writer.WriteInteger((int)record.Direction);
            writer.WriteCharacterString(UniversalTagNumber.UTF8String, record.Client);
            writer.WriteCharacterString(UniversalTagNumber.UTF8String, record.Service);
            writer.WriteCharacterString(UniversalTagNumber.UTF8String, record.Method);
            writer.WriteCharacterString(UniversalTagNumber.UTF8String, record.UserId);
            writer.WriteCharacterString(UniversalTagNumber.UTF8String, record.Issue);
            writer.WriteOctetString(record.SubjectHash ?? []);
            writer.WriteOctetString(record.PayloadDigest);
            writer.WriteOctetString(payloadHash);
            writer.WriteOctetString(HashOrEmpty(record.Envelope, envelopeHash));
            writer.WriteOctetString(signatureHash);
            writer.WriteOctetString(HashOrEmpty(record.Proof, proofHash));
            writer.WriteInteger(ToMicros(record.LoggedAt));
            writer.WriteCharacterString(UniversalTagNumber.UTF8String, record.Outcome);
            writer.WriteOctetString(previousHash);
        }

        // Hashed in the writer's own buffer: no copy of the encoding is made.
        return writer.Encode(static encoded => SHA256.HashData(encoded));
    }

    private static ReadOnlySpan<byte> HashOrEmpty(byte[]? bytes, Span<byte> destination)
    {
        if (bytes is null)
        {
            return [];
        }

        SHA256.HashData(bytes, destination);
        return destination;
    }
}
