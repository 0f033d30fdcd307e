using System.Security.Cryptography;
using ExchangeGateway.Core.Envelopes;
using ExchangeGateway.Core.Federation;
using ExchangeGateway.Core.Identifiers;
using ExchangeGateway.Core.Signing;

namespace ExchangeGateway.Core.MessageLog;

/// <summary>
/// Verifies a message log offline: the chain, every payload against its digest, every envelope against its record,
/// and every signature against the federation's CAs and member registrations.
/// </summary>
/// <remarks>
/// Per record, in order: (1) the sequence follows the one before (a deleted record leaves a gap); (2) the previous
/// hash is the hash of the record before; (3) the record hash matches its fields; (4) a logged payload matches its
/// digest; (5) a signed envelope decodes and agrees with the record; (6) the signature verifies and the signing
/// certificate chains to a federation CA at the time logged; (7) the signer is registered to the member that must
/// have signed: the client's member for a request, the service's member for a response.
/// </remarks>
public static class MessageLogVerifier
{
    /// <summary>
    /// Verifies <paramref name="records"/>, stopping at the first failure. They must start at record 1, or, when
    /// older records were archived and purged, right after <paramref name="start"/>, the last archived record.
    /// </summary>
    public static LogVerification Verify(
        IEnumerable<LoggedRecord> records, FederationConfiguration federation, ArchiveEntry? start = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(federation);
        long count = 0;
        long signed = 0;
        var expectedSequence = start?.LastSequence ?? 0;
        var previous = start?.LastHash ?? RecordHash.Genesis.ToArray();
        foreach (var logged in records)
        {
            count++;
            var failure = CheckChain(logged, expectedSequence, previous) ?? CheckContent(logged.Record, federation);
            if (failure is not null)
            {
                var at = new LogFailure(logged.Sequence, logged.Record.MessageId, failure);
                return new LogVerification(count, signed, at);
            }

            if (logged.Record.Signature is not null)
            {
                signed++;
            }

            expectedSequence = logged.Sequence;
            previous = logged.Hash;
        }

        return new LogVerification(count, signed, null);
    }

    private static string? CheckChain(LoggedRecord logged, long previousSequence, byte[] previousHash)
    {
        // (1) to (3)
        if (logged.Sequence != previousSequence + 1)
        {
            return $"sequence jumps from {previousSequence} to {logged.Sequence}: records are missing";
        }

        if (!logged.PreviousHash.AsSpan().SequenceEqual(previousHash))
        {
            return "previous-hash does not match the hash of the record before it";
        }

        var hash = RecordHash.Compute(logged.Sequence, logged.Record, logged.PreviousHash);
        return hash.AsSpan().SequenceEqual(logged.Hash) ? null : "record hash does not match its fields";
    }

    private static string? CheckContent(MessageRecord record, FederationConfiguration federation)
    {
        // (4)
        if (record.Payload is not null && !SHA256.HashData(record.Payload).AsSpan().SequenceEqual(record.PayloadDigest))
        {
            return "payload does not match its digest";
        }

        return CheckEnvelope(record, out var envelope) ?? (envelope is null
            ? null
            : CheckSignature(record, envelope, federation, record.LoggedAt));
    }

    /// <summary>(5) A signed record's envelope decodes and agrees with it; null envelope for an unsigned one.</summary>
    internal static string? CheckEnvelope(MessageRecord record, out Envelope? envelope)
    {
        envelope = null;
        if (record.Envelope is null || record.Signature is null)
        {
            return record.Envelope is null && record.Signature is null && record.Proof is null
                ? null
                : "envelope, signature and proof must go together";
        }

        if (!EnvelopeCodec.TryDecode(record.Envelope, out var decoded, out var decodeFailure))
        {
            return decodeFailure;
        }

        envelope = decoded;
        return Disagreement(record, decoded);
    }

    /// <summary>
    /// (6) and (7): the signature, its certificate at <paramref name="at"/>, and the signer's member.
    /// </summary>
    internal static string? CheckSignature(
        MessageRecord record, Envelope envelope, FederationConfiguration federation, DateTimeOffset at)
    {
        var check = SignatureVerifier.VerifyMessage(
            record.Envelope!, record.Signature!, record.Proof, federation.Authorities, at);
        if (!check.IsValid)
        {
            return $"signature: {check.Failure}";
        }

        var expected = ExpectedSigner(envelope);
        var registered = federation.MemberBySigningCertificate(check.Signer);
        return expected is not null && expected == registered
            ? null
            : $"signer '{check.Signer.Subject}' is not a registered signing certificate of {expected}";
    }

    private static string? Disagreement(MessageRecord record, Envelope envelope)
    {
        if (envelope.MessageId != record.MessageId || envelope.Client != record.Client
            || envelope.Service != record.Service || envelope.Method != record.Method)
        {
            return "envelope names another message, client, service or method than the record";
        }

        if (envelope.UserId != record.UserId || envelope.Issue != record.Issue)
        {
            return "envelope names another user id or issue than the record";
        }

        if (envelope.Kind != record.Direction)
        {
            return "envelope kind differs from the record's direction";
        }

        return envelope.PayloadDigest.Span.SequenceEqual(record.PayloadDigest)
            ? null
            : "envelope payload digest differs from the record's";
    }

    private static MemberId? ExpectedSigner(Envelope envelope)
    {
        if (envelope.Kind == EnvelopeKind.Request)
        {
            return SubsystemId.TryParse(envelope.Client, out var client, out _) ? client.Member : null;
        }

        return ServiceId.TryParse(envelope.Service, out var service, out _) ? service.Subsystem.Member : null;
    }
}
