using System.Text;
using ExchangeGateway.Core.Envelopes;
using Microsoft.Data.Sqlite;

namespace ExchangeGateway.Core.MessageLog;

/// <summary>
/// Read-only queries over the <c>records</c> and the time-stamp tables for the audit API.
/// Every value reaches SQLite as a parameter; only fixed column names are spliced into the text.
/// </summary>
internal static class SqliteSearch
{
    // What the audit API shows of a record: neither the payload nor the subject's keyed hash.
    private static readonly string Summary = SqliteRecords.ColumnsWithout(
        "subject_hash", "payload", "envelope", "signature", "proof");

    private static readonly string Evidence = SqliteRecords.ColumnsWithout("subject_hash", "payload");

    public static List<RecordSummary> Search(SqliteConnection connection, RecordFilter filter)
    {
        using var command = connection.CreateCommand();
        var sql = new StringBuilder($"SELECT {Summary}, (r.envelope IS NOT NULL AND r.signature IS NOT NULL), ")
            .Append("EXISTS (SELECT 1 FROM stamps s WHERE r.seq BETWEEN s.first_seq AND s.last_seq) FROM records r ")
            .Append("WHERE r.seq > $after");
        command.Parameters.AddWithValue("$after", filter.AfterSequence);
        Where(command, sql, "r.logged_at >=", "$from", filter.From is { } from ? Micros(from) : null);
        Where(command, sql, "r.logged_at <", "$to", filter.To is { } to ? Micros(to) : null);
        Where(command, sql, "r.client =", "$client", filter.Client);
        Where(command, sql, "r.service =", "$service", filter.Service);
        Where(command, sql, "r.method =", "$method", filter.Method);
        Where(command, sql, "r.message_id =", "$message_id", filter.MessageId);
        Where(command, sql, "r.user_id =", "$user_id", filter.UserId);
        Where(command, sql, "r.issue =", "$issue", filter.Issue);
        Where(command, sql, "r.subject_hash =", "$subject", filter.SubjectHash);
        sql.Append(" ORDER BY r.seq LIMIT $limit");
        command.Parameters.AddWithValue("$limit", filter.Limit);
        command.CommandText = sql.ToString();

        var found = new List<RecordSummary>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            found.Add(new RecordSummary(SqliteRecords.ReadRow(reader), reader.GetBoolean(19), reader.GetBoolean(20)));
        }

        return found;
    }

    public static List<StampedRecord> Message(SqliteConnection connection, string messageId)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {Evidence} FROM records r WHERE r.message_id = $message_id ORDER BY r.seq";
        command.Parameters.AddWithValue("$message_id", messageId);

        var records = new List<LoggedRecord>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                records.Add(SqliteRecords.ReadRow(reader));
            }
        }

        return records.Select(r => new StampedRecord(r, SqliteStamps.Of(connection, r.Sequence))).ToList();
    }

    // Records keep whole microseconds; rounding a bound up keeps both ">= from" and "< to" exact.
    private static long Micros(DateTimeOffset time) =>
        RecordHash.ToMicros(time) + ((time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) % 10 > 0 ? 1 : 0);

    private static void Where(SqliteCommand command, StringBuilder sql, string test, string name, object? value)
    {
        if (value is not null)
        {
            sql.Append(" AND ").Append(test).Append(' ').Append(name);
            command.Parameters.AddWithValue(name, value);
        }
    }
}
