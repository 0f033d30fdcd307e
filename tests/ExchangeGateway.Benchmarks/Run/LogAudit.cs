using System.Diagnostics;
using System.Security.Cryptography;
using ExchangeGateway.Benchmarks.Report;
using ExchangeGateway.Core.Envelopes;
using ExchangeGateway.Core.Federation;
using ExchangeGateway.Core.MessageLog;

namespace ExchangeGateway.Benchmarks.Run;

/// <summary>
/// Reads a gateway's message log after its gateway stopped: verifies it whole with <see cref="MessageLogVerifier"/>
/// (chain, digests, every signature and signer) and its time-stamps with <see cref="StampVerifier"/>, and on the
/// way counts what was written inside each measured window, so that a fast run that did not do its evidence work
/// cannot pass.
/// </summary>
internal static class LogAudit
{
    public static (LogReport Report, WindowTally[] Tallies) Run(
        string gateway, string file, EnvelopeKind ownSignatures, FederationConfiguration federation,
        IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> windows)
    {
        var counters = windows.Select(_ => new Counter()).ToArray();
        long notOk = 0;
        long cancelled = 0;
        var failedOutcomes = new SortedSet<string>(StringComparer.Ordinal);
        var started = Stopwatch.GetTimestamp();
        var records = SqliteMessageLog.ReadFile(file).Select(logged =>
        {
            var record = logged.Record;
            if (IsFailure(record.Outcome))
            {
                notOk++;
                failedOutcomes.Add($"{record.Direction} {record.Outcome}");
            }

            cancelled += IsCancelled(record.Outcome) ? 1 : 0;
            var window = Find(windows, record.LoggedAt);
            if (window >= 0)
            {
                counters[window].Add(record, ownSignatures);
            }

            return logged;
        });
        var verification = MessageLogVerifier.Verify(records, federation);

        // The time-stamp tokens, against the federation's time-stamping authority: a second pass over the file.
        var stamps = SqliteMessageLog.ReadFileStamps(file);
        var stamped = StampVerifier.Verify(
            SqliteMessageLog.ReadFile(file), sequence => stamps.GetValueOrDefault(sequence), federation);
        var failure = verification.Failure?.ToString() ?? stamped.Failure?.ToString();
        var report = new LogReport(
            gateway, file, verification.Records, verification.SignedRecords, notOk, [.. failedOutcomes], cancelled,
            failure is null, failure, Stopwatch.GetElapsedTime(started).TotalSeconds)
        {
            Stamps = stamped.Stamps,
            StampedRecords = stamped.StampedRecords,
        };
        return (report, counters.Select(c => c.Tally).ToArray());
    }

    /// <summary>A call its client abandoned (h2load resets the calls in flight when its time is up): logged, as
    /// it must be, but not a failure of the path.</summary>
    private static bool IsCancelled(string outcome) => outcome.StartsWith("CANCELLED", StringComparison.Ordinal);

    private static bool IsFailure(string outcome) => outcome != "OK" && !IsCancelled(outcome);

    private static int Find(IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> windows, DateTimeOffset at)
    {
        for (var i = 0; i < windows.Count; i++)
        {
            if (at >= windows[i].Start && at <= windows[i].End)
            {
                return i;
            }
        }

        return -1;
    }

    private sealed class Counter
    {
        private readonly HashSet<string> _signatures = new(StringComparer.Ordinal);
        private long _records;
        private long _signed;
        private long _notOk;
        private long _cancelled;

        public WindowTally Tally => new(_records, _signed, _signatures.Count, _notOk, _cancelled);

        public void Add(MessageRecord record, EnvelopeKind ownSignatures)
        {
            _records++;
            _notOk += IsFailure(record.Outcome) ? 1 : 0;
            _cancelled += IsCancelled(record.Outcome) ? 1 : 0;
            if (record.Signature is null)
            {
                return;
            }

            _signed++;
            if (record.Direction == ownSignatures)
            {
                _signatures.Add(Convert.ToHexString(SHA256.HashData(record.Signature)));
            }
        }
    }
}
