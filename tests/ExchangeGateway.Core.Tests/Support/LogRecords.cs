using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using ExchangeGateway.Core.Envelopes;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Core.Signing;

namespace ExchangeGateway.Core.Tests.Support;

/// <summary>Message records as a consumer gateway of the test federation writes them, signed or not.</summary>
internal static class LogRecords
{
    public static byte[] PayloadOf(string messageId) => Encoding.UTF8.GetBytes($"payload of {messageId}");

    /// <summary>A request record without envelope or signature; the payload is kept when asked.</summary>
    public static MessageRecord Unsigned(string messageId, bool keepPayload = false)
    {
        var payload = PayloadOf(messageId);
        return new MessageRecord
        {
            MessageId = messageId,
            Side = LogSide.Consumer,
            Direction = EnvelopeKind.Request,
            Client = TestFederation.ClientSubsystem,
            Service = TestFederation.Service,
            Method = TestFederation.Method,
            UserId = "MD2004001234567",
            Issue = "control la frontier\u0103",
            PayloadDigest = SHA256.HashData(payload),
            Payload = keepPayload ? payload : null,
            LoggedAt = TestTime.Now,
            Outcome = "OK",
        };
    }

    /// <summary>A request record signed by <paramref name="signer"/>.</summary>
    public static MessageRecord SignedRequest(string messageId, X509Certificate2 signer, bool keepPayload = false) =>
        Sign(Unsigned(messageId, keepPayload), signer);

    /// <summary>A response record, as the provider gateway writes it, signed by <paramref name="signer"/>.</summary>
    public static MessageRecord SignedResponse(string messageId, X509Certificate2 signer) =>
        Sign(Unsigned(messageId) with { Side = LogSide.Provider, Direction = EnvelopeKind.Response }, signer);

    /// <summary>Adds to <paramref name="record"/> an envelope that agrees with it and a signature over it.</summary>
    public static MessageRecord Sign(MessageRecord record, X509Certificate2 signer)
    {
        var envelope = EnvelopeCodec.Encode(EnvelopeOf(record));
        return record with { Envelope = envelope, Signature = new MessageSigner(signer).Sign(envelope) };
    }

    /// <summary>Signs the records together as a <see cref="BatchSigner"/> does: one CMS, a proof each.</summary>
    public static async Task<MessageRecord[]> SignInBatchAsync(
        IEnumerable<MessageRecord> records, X509Certificate2 signer)
    {
        await using var batch = new BatchSigner(new MessageSigner(signer));
        var envelopes = records.Select(r => (Record: r, Envelope: EnvelopeCodec.Encode(EnvelopeOf(r)))).ToList();
        var signatures = await Task.WhenAll(envelopes.Select(e => batch.SignAsync(SHA256.HashData(e.Envelope))))
            .Within();
        return envelopes.Select((e, i) => e.Record with
        {
            Envelope = e.Envelope,
            Signature = signatures[i].Cms,
            Proof = signatures[i].Proof.Encode(),
        }).ToArray();
    }

    public static Envelope EnvelopeOf(MessageRecord record) => new()
    {
        Kind = record.Direction,
        MessageId = record.MessageId,
        Client = record.Client,
        Service = record.Service,
        Method = record.Method,
        UserId = record.UserId,
        Issue = record.Issue,
        CreatedAt = record.LoggedAt,
        PayloadDigest = record.PayloadDigest,
        MetadataDigest = MetadataDigest.Compute([]),
    };
}
