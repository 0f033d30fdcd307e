using System.Diagnostics;
using ExchangeGateway.Core.Envelopes;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Core.Subjects;

namespace ExchangeGateway.Host.Evidence;

/// <summary>
/// Signs envelopes with the member's key and writes records to the message log: the evidence of a call.
/// </summary>
internal sealed class EvidenceLog(
    BatchSigner signer, IMessageLog log, SubjectKey? subjects, TimeProvider time, CallStages stages)
{
    /// <summary>Where the time of this gateway's calls goes.</summary>
    public CallStages Stages => stages;

    /// <summary>The current time at the precision envelopes and records keep.</summary>
    public DateTimeOffset Now => Envelope.Truncate(time.GetUtcNow());

    private byte[]? SubjectHash(string subject) =>
        subjects is null || subject.Length == 0 || SubjectKey.Check(subject) is not null
            ? null
            : subjects.Hash(subject);

    /// <summary>Encodes <paramref name="envelope"/> and signs it in the next batch.</summary>
    public async Task<SealedEnvelope> SealAsync(Envelope envelope)
    {
        var started = Stopwatch.GetTimestamp();
        var bytes = EnvelopeCodec.Encode(envelope);
        var hash = EnvelopeCodec.Hash(bytes);
        var signature = await signer.SignAsync(hash).ConfigureAwait(false);
        var side = envelope.Kind == EnvelopeKind.Request ? LogSide.Consumer : LogSide.Provider;
        stages.Record(side, CallStages.Seal, started);
        return new SealedEnvelope(envelope, bytes, hash, signature.Cms, signature.Proof.Encode());
    }

    /// <summary>Writes a record and waits until it is durable. Throws <see cref="MessageLogException"/>.</summary>
    public async Task<LoggedRecord> WriteAsync(
        LogSide side,
        EnvelopeKind direction,
        CallIdentity call,
        byte[] payloadDigest,
        byte[]? payload,
        byte[]? envelope,
        byte[]? signature,
        byte[]? proof,
        string outcome)
    {
        var started = Stopwatch.GetTimestamp();
        var logged = await log.AppendAsync(new MessageRecord
        {
            MessageId = call.MessageId,
            Side = side,
            Direction = direction,
            Client = call.Client,
            Service = call.Service,
            Method = call.Method,
            UserId = call.UserId,
            Issue = call.Issue,
            SubjectHash = SubjectHash(call.Subject),
            PayloadDigest = payloadDigest,
            Payload = payload,
            Envelope = envelope,
            Signature = signature,
            Proof = proof,
            LoggedAt = Now,
            Outcome = outcome,
        }).ConfigureAwait(false);
        var stage = direction == EnvelopeKind.Request ? CallStages.RequestLog : CallStages.ResponseLog;
        stages.Record(side, stage, started);
        return logged;
    }
}
