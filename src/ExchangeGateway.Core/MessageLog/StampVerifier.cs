using ExchangeGateway.Core.Federation;
using ExchangeGateway.Core.Merkle;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Core.Timestamping;

namespace ExchangeGateway.Core.MessageLog;

/// <summary>
/// Verifies the time-stamps of a message log: each RFC 3161 token against its Merkle root and the federation's
/// TSAs, each root against the hashes of the records it claims to cover, and each record's own proof.
/// </summary>
public static class StampVerifier
{
    /// <summary>Verifies every stamped record of <paramref name="log"/>, stopping at the first failure.</summary>
    public static StampVerification Verify(IMessageLog log, FederationConfiguration federation)
    {
        ArgumentNullException.ThrowIfNull(log);
        return Verify(log.Read(), log.StampOf, federation);
    }

    /// <summary>Verifies the stamps of <paramref name="records"/>, found by <paramref name="stampOf"/>.</summary>
    public static StampVerification Verify(
        IEnumerable<LoggedRecord> records, Func<long, RecordStamp?> stampOf, FederationConfiguration federation)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(stampOf);
        ArgumentNullException.ThrowIfNull(federation);
        var run = new List<LoggedRecord>();
        LogStamp? current = null;
        long stamps = 0;
        long stamped = 0;
        foreach (var record in records)
        {
            var stamp = stampOf(record.Sequence);
            if (stamp is null)
            {
                break;
            }

            var failure = CheckProof(record, stamp);
            if (failure is not null)
            {
                var at = new LogFailure(record.Sequence, record.Record.MessageId, failure);
                return new StampVerification(stamps, stamped, at);
            }

            if (current is null || current.Id != stamp.Stamp.Id)
            {
                var runFailure = current is null ? null : CheckRun(current, run, federation);
                if (runFailure is not null)
                {
                    return new StampVerification(stamps, stamped, runFailure);
                }

                current = stamp.Stamp;
                run.Clear();
                stamps++;
            }

            run.Add(record);
            stamped++;
        }

        var last = current is null ? null : CheckRun(current, run, federation);
        return new StampVerification(stamps, stamped, last);
    }

    private static string? CheckProof(LoggedRecord record, RecordStamp stamp)
    {
        if (!InclusionProof.TryDecode(stamp.Proof, out var proof))
        {
            return "time-stamp proof is not DER";
        }

        var root = proof.RootFor(record.Hash);
        return root is not null && root.AsSpan().SequenceEqual(stamp.Stamp.Root)
            ? null
            : "time-stamp proof does not lead from the record hash to the stamped root";
    }

    /// <summary>The records of <paramref name="stamp"/>'s run that the log lacks, in words. The chain shows a record
    /// taken out between two others, but not one taken from the end of the log: only its stamp still counts it.
    /// </summary>
    private static string Missing(LogStamp stamp, List<LoggedRecord> run)
    {
        var expected = stamp.FirstSequence;
        foreach (var record in run)
        {
            if (record.Sequence != expected)
            {
                return $": record {expected} is missing";
            }

            expected++;
        }

        return expected > stamp.LastSequence ? ""
            : expected == stamp.LastSequence ? $": record {expected} is missing"
            : $": records {expected}-{stamp.LastSequence} are missing";
    }

    private static LogFailure? CheckRun(LogStamp stamp, List<LoggedRecord> run, FederationConfiguration federation)
    {
        var first = run[0];
        if (run.Count != stamp.LastSequence - stamp.FirstSequence + 1 || first.Sequence != stamp.FirstSequence)
        {
            return new LogFailure(first.Sequence, first.Record.MessageId,
                $"stamp {stamp.Id} covers records {stamp.FirstSequence}-{stamp.LastSequence}, but the log holds " +
                $"{run.Count} of them{Missing(stamp, run)}");
        }

        if (!MerkleTree.Root(run.Select(r => r.Hash).ToList()).AsSpan().SequenceEqual(stamp.Root))
        {
            return new LogFailure(first.Sequence, first.Record.MessageId,
                $"stamp {stamp.Id}: the records' hashes do not give the stamped root");
        }

        var check = TimestampVerifier.Verify(stamp.Token, stamp.Root, federation);
        if (!check.IsValid)
        {
            return new LogFailure(first.Sequence, first.Record.MessageId, $"stamp {stamp.Id}: token: {check}");
        }

        // The token proves each signature existed at its time; the signer's certificate must have been valid then.
        // So a signature outlives its certificate, and one stamped only after the certificate expired does not.
        var at = check.Token!.Time;
        foreach (var record in run.Where(r => r.Record.Envelope is not null && r.Record.Signature is not null))
        {
            var signature = SignatureVerifier.VerifyMessage(record.Record.Envelope!, record.Record.Signature!,
                record.Record.Proof, federation.Authorities, at);
            if (!signature.IsValid)
            {
                return new LogFailure(record.Sequence, record.Record.MessageId,
                    $"signature not valid at the time-stamped time {at:O}: {signature.Failure}");
            }
        }

        return null;
    }
}

/// <summary>The outcome of verifying a log's time-stamps.</summary>
/// <param name="Stamps">Tokens checked.</param>
/// <param name="StampedRecords">Records whose proof was checked.</param>
/// <param name="Failure">The first failure, or null.</param>
public sealed record StampVerification(long Stamps, long StampedRecords, LogFailure? Failure)
{
    /// <summary>True when every check passed.</summary>
    public bool IsValid => Failure is null;
}
