using ExchangeGateway.Core.Envelopes;
using ExchangeGateway.Core.MessageLog;

namespace ExchangeGateway.Core.Subjects;

/// <summary>
/// Who looked at a person's data, when, why and with what outcome: the calls a gateway's log holds about one data
/// subject, found by the keyed hash of the identifier (the identifier itself is never in the log).
/// </summary>
public static class SubjectReport
{
    /// <summary>The calls in <paramref name="records"/> (all about one subject), oldest first.</summary>
    public static IReadOnlyList<SubjectAccess> Build(IEnumerable<LoggedRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records
            .GroupBy(r => (r.Record.MessageId, r.Record.Side))
            .Select(Access)
            .OrderBy(a => a.At)
            .ToList();
    }

    /// <summary>The calls about <paramref name="subject"/> in the log file at <paramref name="logFile"/>.</summary>
    public static IReadOnlyList<SubjectAccess> Find(string logFile, SubjectKey key, string subject)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Build(SqliteMessageLog.ReadFileBySubject(logFile, key.Hash(subject)));
    }

    private static SubjectAccess Access(IGrouping<(string MessageId, LogSide Side), LoggedRecord> call)
    {
        var request = call.FirstOrDefault(r => r.Record.Direction == EnvelopeKind.Request) ?? call.First();
        var last = call.Last().Record;
        var answered = last.Direction == EnvelopeKind.Response || last.Outcome != "OK";
        var outcome = answered ? last.Outcome : "NO ANSWER LOGGED";
        var r = request.Record;
        return new SubjectAccess(r.LoggedAt, r.Side, r.MessageId, r.Client, r.Service, r.Method, r.UserId, r.Issue,
            outcome);
    }
}
