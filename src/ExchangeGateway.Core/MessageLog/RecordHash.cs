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
        return Compute(sequence, record, HashOrEmpty(record.Payload), previousHash);
    }

    /// <summary>
    /// Computes the hash of <paramref name="record"/> with the SHA-256 of its payload given (empty for none) rather
    /// than read from <see cref="MessageRecord.Payload"/>: for payloads read as streams.
    /// </summary>
    public static byte[] Compute(
        long sequence, MessageRecord record, ReadOnlySpan<byte> payloadHash, ReadOnlySpan<byte> previousHash)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Encode(sequence, record, payloadHash, HashOrEmpty(record.Signature), previousHash);
    }

    /// <summary>
    /// Computes the hash of <paramref name="record"/> with its signature's SHA-256 taken from
    /// <paramref name="signatures"/>: the log's writer, whose records share their batches' signatures.
    /// </summary>
    internal static byte[] Compute(
        long sequence, MessageRecord record, SignatureHashes signatures, ReadOnlySpan<byte> previousHash) =>
        Encode(sequence, record, HashOrEmpty(record.Payload), signatures.Of(record.Signature), previousHash);

    private static byte[] Encode(
        long sequence,
        MessageRecord record,
        ReadOnlySpan<byte> payloadHash,
        ReadOnlySpan<byte> signatureHash,
        ReadOnlySpan<byte> previousHash)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
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
            writer.WriteOctetString(HashOrEmpty(record.Envelope));
            writer.WriteOctetString(signatureHash);
            writer.WriteOctetString(HashOrEmpty(record.Proof));
            writer.WriteInteger(ToMicros(record.LoggedAt));
            writer.WriteCharacterString(UniversalTagNumber.UTF8String, record.Outcome);
            writer.WriteOctetString(previousHash);
        }

        return SHA256.HashData(writer.Encode());
    }

    private static byte[] HashOrEmpty(byte[]? bytes) => bytes is null ? [] : SHA256.HashData(bytes);
}
