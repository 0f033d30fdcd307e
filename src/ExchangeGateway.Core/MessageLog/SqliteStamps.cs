using Microsoft.Data.Sqlite;

namespace ExchangeGateway.Core.MessageLog;

/// <summary>
/// The time-stamp tables: <c>stamps</c> (one row a token) and <c>record_stamps</c> (one proof a record).
/// </summary>
internal static class SqliteStamps
{
    private static readonly string[] StampColumns =
        ["id", "first_seq", "last_seq", "root", "token", "authority", "stamped_at"];

    public const string Schema = """
        CREATE TABLE IF NOT EXISTS stamps (
            id INTEGER PRIMARY KEY,
            first_seq INTEGER NOT NULL,
            last_seq INTEGER NOT NULL,
            root BLOB NOT NULL,
            token BLOB NOT NULL,
            authority TEXT NOT NULL,
            stamped_at INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS record_stamps (
            seq INTEGER PRIMARY KEY,
            stamp_id INTEGER NOT NULL REFERENCES stamps(id),
            proof BLOB NOT NULL
        );
        """;

    public static long LastStampedSequence(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT coalesce(max(last_seq), 0) FROM stamps";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>
    /// The writes that save <paramref name="stamp"/>, each to run in a transaction of its own and in order: the
    /// proofs, <paramref name="size"/> at a time, then the stamp row. A reader sees a stamp only once its row is
    /// written, and with it every proof; rows that a save stopped half-way left behind are deleted by the next.
    /// </summary>
    public static IEnumerable<Action<SqliteConnection, SqliteTransaction>> Parts(
        LogStamp stamp, IReadOnlyList<(long Sequence, byte[] Proof)> proofs, int size)
    {
        yield return (connection, transaction) =>
        {
            var last = Follows(connection, transaction, stamp);
            using var leftovers = connection.CreateCommand();
            leftovers.Transaction = transaction;
            leftovers.CommandText = "DELETE FROM record_stamps WHERE seq > $last";
            leftovers.Parameters.AddWithValue("$last", last);
            leftovers.ExecuteNonQuery();
        };
        for (var first = 0; first < proofs.Count; first += size)
        {
            var from = first;
            yield return (connection, transaction) =>
                InsertProofs(connection, transaction, stamp.Id, proofs, from, Math.Min(from + size, proofs.Count));
        }

        yield return (connection, transaction) =>
        {
            Follows(connection, transaction, stamp);
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO stamps (id, first_seq, last_seq, root, token, authority, stamped_at) " +
                "VALUES ($id, $first, $last, $root, $token, $authority, $at)";
            insert.Parameters.AddWithValue("$id", stamp.Id);
            insert.Parameters.AddWithValue("$first", stamp.FirstSequence);
            insert.Parameters.AddWithValue("$last", stamp.LastSequence);
            insert.Parameters.AddWithValue("$root", stamp.Root);
            insert.Parameters.AddWithValue("$token", stamp.Token);
            insert.Parameters.AddWithValue("$authority", stamp.Authority);
            insert.Parameters.AddWithValue("$at", RecordHash.ToMicros(stamp.Time));
            insert.ExecuteNonQuery();
        };
    }

    /// <summary>Returns the last stamped record, which must be the one before <paramref name="stamp"/>'s first.
    /// </summary>
    private static long Follows(SqliteConnection connection, SqliteTransaction transaction, LogStamp stamp)
    {
        var last = LastStampedSequence(connection, transaction);
        if (last != stamp.FirstSequence - 1)
        {
            throw new MessageLogException(
                $"stamp for records {stamp.FirstSequence}-{stamp.LastSequence} does not follow the last " +
                "stamped record");
        }

        return last;
    }

    private static void InsertProofs(SqliteConnection connection, SqliteTransaction transaction, long stampId,
        IReadOnlyList<(long Sequence, byte[] Proof)> proofs, int from, int to)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO record_stamps (seq, stamp_id, proof) VALUES ($seq, $stamp, $proof)";
        var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
        insert.Parameters.AddWithValue("$stamp", stampId);
        var bytes = insert.Parameters.Add("$proof", SqliteType.Blob);
        for (var i = from; i < to; i++)
        {
            seq.Value = proofs[i].Sequence;
            bytes.Value = proofs[i].Proof;
            insert.ExecuteNonQuery();
        }
    }

    public static long NextId(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(id), 0) + 1 FROM stamps";
        return (long)command.ExecuteScalar()!;
    }

    public static Dictionary<long, RecordStamp> All(SqliteConnection connection)
    {
        var stamps = new Dictionary<long, LogStamp>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT {Columns("")} FROM stamps";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                stamps[reader.GetInt64(0)] = Read(reader, 0);
            }
        }

        var proofs = new Dictionary<long, RecordStamp>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT seq, stamp_id, proof FROM record_stamps";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                // A proof whose stamp has no row yet is a save under way (or one that stopped): not a stamp.
                if (stamps.TryGetValue(reader.GetInt64(1), out var stamp))
                {
                    proofs[reader.GetInt64(0)] = new RecordStamp(stamp, (byte[])reader.GetValue(2));
                }
            }
        }

        return proofs;
    }

    /// <summary>The first <paramref name="limit"/> stamps over records after <paramref name="sequence"/>, in
    /// order.</summary>
    public static List<LogStamp> After(SqliteConnection connection, long sequence, int limit)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {Columns("")} FROM stamps WHERE first_seq > $seq ORDER BY first_seq LIMIT $limit";
        command.Parameters.AddWithValue("$seq", sequence);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var stamps = new List<LogStamp>();
        while (reader.Read())
        {
            stamps.Add(Read(reader, 0));
        }

        return stamps;
    }

    public static RecordStamp? Of(SqliteConnection connection, long sequence)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns("s.")}, r.proof " +
            "FROM record_stamps r JOIN stamps s ON s.id = r.stamp_id WHERE r.seq = $seq";
        command.Parameters.AddWithValue("$seq", sequence);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new RecordStamp(Read(reader, 0), (byte[])reader.GetValue(7));
    }

    /// <summary>The columns of a stamp, in the order <see cref="Read"/> takes them, each after
    /// <paramref name="prefix"/> (a table alias).</summary>
    public static string Columns(string prefix) => string.Join(", ", StampColumns.Select(c => prefix + c));

    /// <summary>The stamp in the seven columns from <paramref name="first"/> on (see <see cref="Columns"/>).</summary>
    public static LogStamp Read(SqliteDataReader row, int first) => new(row.GetInt64(first), row.GetInt64(first + 1),
        row.GetInt64(first + 2), (byte[])row.GetValue(first + 3), (byte[])row.GetValue(first + 4),
        row.GetString(first + 5), RecordHash.FromMicros(row.GetInt64(first + 6)));
}
