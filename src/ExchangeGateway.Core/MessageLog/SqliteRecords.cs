using ExchangeGateway.Core.Envelopes;
using Microsoft.Data.Sqlite;

namespace ExchangeGateway.Core.MessageLog;

/// <summary>Maps records to and from rows of the <c>records</c> table.</summary>
internal static class SqliteRecords
{
    /// <summary>The columns of a record, in the order they are read and inserted.</summary>
    public static readonly string[] Columns =
    [
        "seq", "message_id", "side", "direction", "client", "service", "method", "user_id", "issue",
        "subject_hash", "payload_digest", "payload", "envelope", "signature", "proof", "logged_at", "outcome",
        "prev_hash", "record_hash",
    ];

    /// <summary>The records about one person, by the keyed hash of their identifier.</summary>
    public static IEnumerable<LoggedRecord> ReadBySubject(SqliteConnection connection, byte[] subjectHash)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {string.Join(", ", Columns)} FROM records WHERE subject_hash = $subject ORDER BY seq";
        command.Parameters.AddWithValue("$subject", subjectHash);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return ReadRow(reader);
        }
    }

    /// <summary>The records from <paramref name="fromSequence"/> in order, with their payloads.</summary>
    public static IEnumerable<LoggedRecord> Read(SqliteConnection connection, long fromSequence)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ColumnsWithout()} FROM records r WHERE r.seq >= $from ORDER BY r.seq";
        command.Parameters.AddWithValue("$from", fromSequence);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return ReadRow(reader);
        }
    }

    /// <summary>The places, hashes and times of at most <paramref name="max"/> records from
    /// <paramref name="fromSequence"/>, in order.</summary>
    public static List<UnstampedRecord> ReadHashes(SqliteConnection connection, long fromSequence, int max)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT seq, record_hash, logged_at FROM records WHERE seq >= $from ORDER BY seq LIMIT $max";
        command.Parameters.AddWithValue("$from", fromSequence);
        command.Parameters.AddWithValue("$max", max);
        using var reader = command.ExecuteReader();
        var records = new List<UnstampedRecord>();
        while (reader.Read())
        {
            records.Add(new UnstampedRecord(
                reader.GetInt64(0), Bytes(reader, 1), RecordHash.FromMicros(reader.GetInt64(2))));
        }

        return records;
    }

    /// <summary>
    /// The records <paramref name="from"/> to <paramref name="to"/> without their payloads (read those by
    /// <see cref="OpenPayload"/>), each with whether it has one and its stamp's id and proof (0 and null when not
    /// stamped): what an archive is written from.
    /// </summary>
    public static IEnumerable<(LoggedRecord Logged, bool HasPayload, long StampId, byte[]? StampProof)>
        ReadForArchive(SqliteConnection connection, long from, long to)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ColumnsWithout("payload")}, r.payload IS NOT NULL, " +
            "coalesce(s.stamp_id, 0), s.proof " +
            "FROM records r LEFT JOIN record_stamps s ON s.seq = r.seq " +
            "WHERE r.seq BETWEEN $from AND $to ORDER BY r.seq";
        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$to", to);
        using var reader = command.ExecuteReader();

        // Records come in order, so the stamp over them changes seldom: one tree read a stamp. A stamp of layout 4
        // has no tree but a stored proof a record, taken only from that stamp.
        (LogStamp Stamp, byte[]? Nodes)? over = null;
        while (reader.Read())
        {
            var logged = ReadRow(reader);
            if (over is not { } known || logged.Sequence > known.Stamp.LastSequence)
            {
                over = SqliteStamps.Over(connection, logged.Sequence);
            }

            var proof = over switch
            {
                ({ } stamp, { } nodes) => SqliteStamps.Proof(stamp, nodes, logged.Sequence),
                ({ } stamp, null) when reader.GetInt64(20) == stamp.Id => Blob(reader, 21),
                _ => null,
            };
            yield return (logged, reader.GetBoolean(19), proof is null ? 0 : over!.Value.Stamp.Id, proof);
        }
    }

    /// <summary>A record's payload as a stream read from the file in pieces, or null when none was logged.</summary>
    public static Stream? OpenPayload(SqliteConnection connection, long sequence)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, payload FROM records WHERE seq = $seq AND payload IS NOT NULL";
        command.Parameters.AddWithValue("$seq", sequence);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new SqliteBlob(connection, "records", "payload", sequence, readOnly: true) : null;
    }

    /// <summary>
    /// The record columns of table alias <c>r</c> in the order <see cref="ReadRow"/> takes them, with NULL for
    /// <paramref name="omitted"/>; a query's own columns follow from index 19.
    /// </summary>
    public static string ColumnsWithout(params string[] omitted) =>
        string.Join(", ", Columns.Select(c => omitted.Contains(c) ? "NULL" : "r." + c));

    /// <summary>The record in the first 19 columns of <paramref name="row"/>.</summary>
    public static LoggedRecord ReadRow(SqliteDataReader row)
    {
        var record = new MessageRecord
        {
            MessageId = row.GetString(1),
            Side = (LogSide)row.GetInt32(2),
            Direction = (EnvelopeKind)row.GetInt32(3),
            Client = row.GetString(4),
            Service = row.GetString(5),
            Method = row.GetString(6),
            UserId = row.GetString(7),
            Issue = row.GetString(8),
            SubjectHash = Blob(row, 9),
            PayloadDigest = Bytes(row, 10),
            Payload = Blob(row, 11),
            Envelope = Blob(row, 12),
            Signature = Blob(row, 13),
            Proof = Blob(row, 14),
            LoggedAt = RecordHash.FromMicros(row.GetInt64(15)),
            Outcome = row.GetString(16),
        };
        return new LoggedRecord(row.GetInt64(0), record, Bytes(row, 17), Bytes(row, 18));
    }

    /// <summary>The bytes of a column, or null when it is NULL. A value of another type, which only a hand edit of
    /// the file puts there, is read as SQLite converts it (text as its bytes), for the checks to find.</summary>
    public static byte[]? Blob(SqliteDataReader row, int column) =>
        row.IsDBNull(column) ? null : row.GetFieldValue<byte[]>(column);

    /// <summary>The bytes of a column that is never NULL as the log writes it; empty if a hand edit made it
    /// so.</summary>
    public static byte[] Bytes(SqliteDataReader row, int column) => Blob(row, column) ?? [];
}
