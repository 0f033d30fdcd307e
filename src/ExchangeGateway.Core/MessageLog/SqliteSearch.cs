using System.Text;
using ExchangeGateway.Core.Envelopes;
using Microsoft.Data.Sqlite;

namespace ExchangeGateway.Core.MessageLog;

/// <summary>
/// Read-only queries over the <c>records</c>, <c>stamps</c> and <c>record_stamps</c> tables for the audit API.
/// Every value reaches SQLite as a parameter; only fixed column names are spliced into the text.
/// </summary>
internal static class SqliteSearch
{
    private const string SummaryColumns =
        "r.seq, r.message_id, r.side, r.direction, r.client, r.service, r.method, r.user_id, r.issue, " +
        "r.payload_digest, r.logged_at, r.outcome, r.prev_hash, r.record_hash, " +
        "(r.envelope IS NOT NULL AND r.signature IS NOT NULL), (rs.seq IS NOT NULL)";

    private const string EvidenceColumns =
        "r.seq, r.message_id, r.side, r.direction, r.client, r.service, r.method, r.user_id, r.issue, " +
        "r.payload_digest, r.logged_at, r.outcome, r.prev_hash, r.record_hash, r.envelope, r.signature, r.proof, " +
        "rs.proof, s.id, s.first_seq, s.last_seq, s.root, s.token, s.authority, s.stamped_at";

    public static List<RecordSummary> Search(SqliteConnection connection, RecordFilter filter)
    {
        using var command = connection.CreateCommand();
        var sql = new StringBuilder($"SELECT {SummaryColumns} FROM records r ")
            .Append("LEFT JOIN record_stamps rs ON rs.seq = r.seq WHERE r.seq > $after");
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
            var logged = new LoggedRecord(reader.GetInt64(0), Fields(reader), Blob(reader, 12)!, Blob(reader, 13)!);
            found.Add(new RecordSummary(logged, reader.GetBoolean(14), reader.GetBoolean(15)));
        }

        return found;
    }

    public static List<StampedRecord> Message(SqliteConnection connection, string messageId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {EvidenceColumns} FROM records r " +
            "LEFT JOIN record_stamps rs ON rs.seq = r.seq LEFT JOIN stamps s ON s.id = rs.stamp_id " +
            "WHERE r.message_id = $message_id ORDER BY r.seq";
        command.Parameters.AddWithValue("$message_id", messageId);

        var found = new List<StampedRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var record = Fields(reader) with
            {
                Envelope = Blob(reader, 14),
                Signature = Blob(reader, 15),
                Proof = Blob(reader, 16),
            };
            var logged = new LoggedRecord(reader.GetInt64(0), record, Blob(reader, 12)!, Blob(reader, 13)!);
            found.Add(new StampedRecord(logged, Stamp(reader)));
        }

        return found;
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

    // Columns 0 to 11 are the same in both queries.
    private static MessageRecord Fields(SqliteDataReader row) => new()
    {
        MessageId = row.GetString(1),
        Side = (LogSide)row.GetInt32(2),
        Direction = (EnvelopeKind)row.GetInt32(3),
        Client = row.GetString(4),
        Service = row.GetString(5),
        Method = row.GetString(6),
        UserId = row.GetString(7),
        Issue = row.GetString(8),
        PayloadDigest = Blob(row, 9)!,
        LoggedAt = RecordHash.FromMicros(row.GetInt64(10)),
        Outcome = row.GetString(11),
    };

    private static RecordStamp? Stamp(SqliteDataReader row)
    {
        if (row.IsDBNull(17) || row.IsDBNull(18))
        {
            return null;
        }

        var stamp = new LogStamp(row.GetInt64(18), row.GetInt64(19), row.GetInt64(20), Blob(row, 21)!,
            Blob(row, 22)!, row.GetString(23), RecordHash.FromMicros(row.GetInt64(24)));
        return new RecordStamp(stamp, Blob(row, 17)!);
    }

    private static byte[]? Blob(SqliteDataReader row, int column) =>
        row.IsDBNull(column) ? null : (byte[])row.GetValue(column);
}
