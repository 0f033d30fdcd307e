using ExchangeGateway.Core.Envelopes;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Host.Audit.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace ExchangeGateway.Host.Audit;

/// <summary>Maps message log records to the audit API's messages.</summary>
internal static class AuditRecords
{
    public static LogRecord Summary(RecordSummary found) => Record(found.Logged, found.IsSigned, found.IsStamped);

    public static EvidenceRecord Evidence(StampedRecord found)
    {
        var record = found.Logged.Record;
        var signed = record.Envelope is not null && record.Signature is not null;
        var evidence = new EvidenceRecord
        {
            Record = Record(found.Logged, signed, found.Stamp is not null),
            Envelope = Bytes(record.Envelope),
            Signature = Bytes(record.Signature),
            Proof = Bytes(record.Proof),
            PreviousHash = ByteString.CopyFrom(found.Logged.PreviousHash),
        };
        if (found.Stamp is { } stamp)
        {
            evidence.TimeStamp = new RecordTimestamp
            {
                Token = ByteString.CopyFrom(stamp.Stamp.Token),
                Root = ByteString.CopyFrom(stamp.Stamp.Root),
                Proof = ByteString.CopyFrom(stamp.Proof),
                Authority = stamp.Stamp.Authority,
                Time = Timestamp.FromDateTimeOffset(stamp.Stamp.Time),
                FirstSequence = stamp.Stamp.FirstSequence,
                LastSequence = stamp.Stamp.LastSequence,
                StampId = stamp.Stamp.Id,
            };
        }

        return evidence;
    }

    private static LogRecord Record(LoggedRecord logged, bool signed, bool stamped)
    {
        var record = logged.Record;
        return new LogRecord
        {
            Sequence = logged.Sequence,
            MessageId = record.MessageId,
            Side = record.Side == LogSide.Consumer ? Side.Consumer : Side.Provider,
            Direction = record.Direction == EnvelopeKind.Request ? Direction.Request : Direction.Response,
            Client = record.Client,
            Service = record.Service,
            Method = record.Method,
            UserId = record.UserId,
            Issue = record.Issue,
            LoggedAt = Timestamp.FromDateTimeOffset(record.LoggedAt),
            Outcome = record.Outcome,
            PayloadDigest = ByteString.CopyFrom(record.PayloadDigest),
            RecordHash = ByteString.CopyFrom(logged.Hash),
            Signed = signed,
            TimeStamped = stamped,
        };
    }

    private static ByteString Bytes(byte[]? bytes) => bytes is null ? ByteString.Empty : ByteString.CopyFrom(bytes);
}
