using ExchangeGateway.Core.Envelopes;
using ExchangeGateway.Core.MessageLog;

namespace ExchangeGateway.Core.Archives;

/// <summary>
/// One line of <c>records.jsonl</c>: a record with every field that enters its hash, its stamp and the proof to
/// that stamp's root. Hashes are hex; envelopes, signatures and proofs base64 DER; the payload, when logged, is the
/// file <c>payloads/SEQUENCE.bin</c>.
/// </summary>
internal sealed record RecordLine
{
    public required long Sequence { get; init; }

    public required string MessageId { get; init; }

    public required LogSide Side { get; init; }

    public required EnvelopeKind Direction { get; init; }

    public required string Client { get; init; }

    public required string Service { get; init; }

    public required string Method { get; init; }

    public required string UserId { get; init; }

    public required string Issue { get; init; }

    public string? SubjectHash { get; init; }

    public required string PayloadDigest { get; init; }

    public required bool Payload { get; init; }

    public byte[]? Envelope { get; init; }

    public byte[]? Signature { get; init; }

    public byte[]? Proof { get; init; }

    /// <summary>UTC, exactly six fractional digits: the microseconds the hash covers.</summary>
    public required string LoggedAt { get; init; }

    public required string Outcome { get; init; }

    public required string PreviousHash { get; init; }

    public required string Hash { get; init; }

    public required long Stamp { get; init; }

    public required byte[] StampProof { get; init; }

    public static string PayloadName(long sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"payloads/{sequence:D12}.bin");

    public static RecordLine From(LoggedRecord logged, bool hasPayload, RecordStamp stamp)
    {
        var r = logged.Record;
        return new RecordLine
        {
            Sequence = logged.Sequence,
            MessageId = r.MessageId,
            Side = r.Side,
            Direction = r.Direction,
            Client = r.Client,
            Service = r.Service,
            Method = r.Method,
            UserId = r.UserId,
            Issue = r.Issue,
            SubjectHash = r.SubjectHash is null ? null : Convert.ToHexStringLower(r.SubjectHash),
            PayloadDigest = Convert.ToHexStringLower(r.PayloadDigest),
            Payload = hasPayload,
            Envelope = r.Envelope,
            Signature = r.Signature,
            Proof = r.Proof,
            LoggedAt = ArchiveTimes.Format(r.LoggedAt),
            Outcome = r.Outcome,
            PreviousHash = Convert.ToHexStringLower(logged.PreviousHash),
            Hash = Convert.ToHexStringLower(logged.Hash),
            Stamp = stamp.Stamp.Id,
            StampProof = stamp.Proof,
        };
    }

    /// <summary>The record as the log held it, without its payload; throws <see cref="FormatException"/> on a
    /// malformed hash or time.</summary>
    public LoggedRecord ToLogged()
    {
        var record = new MessageRecord
        {
            MessageId = MessageId,
            Side = Side,
            Direction = Direction,
            Client = Client,
            Service = Service,
            Method = Method,
            UserId = UserId,
            Issue = Issue,
            SubjectHash = SubjectHash is null ? null : Convert.FromHexString(SubjectHash),
            PayloadDigest = Convert.FromHexString(PayloadDigest),
            Envelope = Envelope,
            Signature = Signature,
            Proof = Proof,
            LoggedAt = ArchiveTimes.Parse(LoggedAt),
            Outcome = Outcome,
        };
        return new LoggedRecord(Sequence, record, Convert.FromHexString(PreviousHash), Convert.FromHexString(Hash));
    }
}

/// <summary>One line of <c>stamps.jsonl</c>: a time-stamp and the run of records it covers.</summary>
internal sealed record StampLine
{
    public required long Id { get; init; }

    public required long FirstSequence { get; init; }

    public required long LastSequence { get; init; }

    public required string Root { get; init; }

    public required string Authority { get; init; }

    public required string Time { get; init; }

    /// <summary>The file holding the RFC 3161 token (DER), <c>stamps/ID.tsr</c>.</summary>
    public required string Token { get; init; }

    public static string TokenName(long id) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"stamps/{id:D9}.tsr");

    public static StampLine From(LogStamp stamp) => new()
    {
        Id = stamp.Id,
        FirstSequence = stamp.FirstSequence,
        LastSequence = stamp.LastSequence,
        Root = Convert.ToHexStringLower(stamp.Root),
        Authority = stamp.Authority,
        Time = ArchiveTimes.Format(stamp.Time),
        Token = TokenName(stamp.Id),
    };
}
