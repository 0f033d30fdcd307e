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

    /// <summary>
    /// The calls about <paramref name="subject"/> in the log file at <paramref name="logFile"/> and, when given, in
    /// the archives in <paramref name="archiveDirectory"/> (records purged from the database are found there).
    /// </summary>
    public static IReadOnlyList<SubjectAccess> Find(
        string logFile, SubjectKey key, string subject, string? archiveDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = key.Hash(subject);
        var records = SqliteMessageLog.ReadFileBySubject(logFile, hash).ToDictionary(r => r.Sequence);
        var archives = archiveDirectory is not null && Directory.Exists(archiveDirectory)
            ? Directory.GetFiles(archiveDirectory, "*.zip")
            : [];
        foreach (var archived in archives.SelectMany(path => Archives.ArchiveReader.ReadBySubject(path, hash)))
        {
            records.TryAdd(archived.Sequence, archived);
        }

        return Build(records.Values.OrderBy(r => r.Sequence));
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
