using Microsoft.Data.Sqlite;

namespace ExchangeGateway.Core.MessageLog;

/// <summary>
/// The time-stamp tables: <c>stamps</c> (one row a token) and <c>stamp_trees</c> (each token's Merkle tree, every
/// node kept, from which each record's proof is read). Logs written before layout 5 keep one proof a record in
/// <c>record_stamps</c>; those are read as they are.
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
        CREATE TABLE IF NOT EXISTS stamp_trees (
            stamp_id INTEGER PRIMARY KEY REFERENCES stamps(id),
            nodes BLOB NOT NULL
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
    /// Saves <paramref name="stamp"/> and its tree's nodes (<see cref="Merkle.MerkleTree.Nodes"/> over the hashes of
    /// the records it covers) in <paramref name="transaction"/>; the stamp must follow the last one.
    /// </summary>
    public static void Save(SqliteConnection connection, SqliteTransaction transaction, LogStamp stamp, byte[] nodes)
    {
        if (LastStampedSequence(connection, transaction) != stamp.FirstSequence - 1)
        {
            throw new MessageLogException(
                $"stamp for records {stamp.FirstSequence}-{stamp.LastSequence} does not follow the last " +
                "stamped record");
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO stamps (id, first_seq, last_seq, root, token, authority, stamped_at) " +
            "VALUES ($id, $first, $last, $root, $token, $authority, $at); " +
            "INSERT INTO stamp_trees (stamp_id, nodes) VALUES ($id, $nodes)";
        insert.Parameters.AddWithValue("$id", stamp.Id);
        insert.Parameters.AddWithValue("$first", stamp.FirstSequence);
        insert.Parameters.AddWithValue("$last", stamp.LastSequence);
        insert.Parameters.AddWithValue("$root", stamp.Root);
        insert.Parameters.AddWithValue("$token", stamp.Token);
        insert.Parameters.AddWithValue("$authority", stamp.Authority);
        insert.Parameters.AddWithValue("$at", RecordHash.ToMicros(stamp.Time));
        insert.Parameters.AddWithValue("$nodes", nodes);
        insert.ExecuteNonQuery();
    }

    public static long NextId(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(id), 0) + 1 FROM stamps";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Every stamped record's stamp and proof, by sequence.</summary>
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
                // A proof whose stamp has no row, or does not cover it, is one a save of layout 4 left half-way.
                var sequence = reader.GetInt64(0);
                if (stamps.TryGetValue(reader.GetInt64(1), out var stamp)
                    && sequence >= stamp.FirstSequence && sequence <= stamp.LastSequence)
                {
                    proofs[sequence] = new RecordStamp(stamp, SqliteRecords.Bytes(reader, 2));
                }
            }
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT stamp_id, nodes FROM stamp_trees";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (!stamps.TryGetValue(reader.GetInt64(0), out var stamp))
                {
                    continue;
                }

                var nodes = SqliteRecords.Bytes(reader, 1);
                for (var sequence = stamp.FirstSequence; sequence <= stamp.LastSequence; sequence++)
                {
                    if (Proof(stamp, nodes, sequence) is { } proof)
                    {
                        proofs[sequence] = new RecordStamp(stamp, proof);
                    }
                }
            }
        }

        return proofs;
    }

    /// <summary>
    /// The DER proof (<see cref="Merkle.InclusionProof"/>) of record <paramref name="sequence"/> read from its
    /// stamp's tree; null when the record is outside the stamp or the nodes do not fit it.
    /// </summary>
    public static byte[]? Proof(LogStamp stamp, byte[] nodes, long sequence)
    {
        var size = stamp.LastSequence - stamp.FirstSequence + 1;
        var index = sequence - stamp.FirstSequence;
        return Merkle.MerkleTree.PathFromNodes(nodes, size, index) is { } path
            ? new Merkle.InclusionProof(index, size, path).Encode()
            : null;
    }

    /// <summary>The stamp over <paramref name="sequence"/> and its tree's nodes (null for a stamp of layout 4, whose
    /// proofs are rows of their own); null when no stamp covers it.</summary>
    public static (LogStamp Stamp, byte[]? Nodes)? Over(SqliteConnection connection, long sequence)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns("s.")}, t.nodes FROM stamps s " +
            "LEFT JOIN stamp_trees t ON t.stamp_id = s.id WHERE $seq BETWEEN s.first_seq AND s.last_seq";
        command.Parameters.AddWithValue("$seq", sequence);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (Read(reader, 0), SqliteRecords.Blob(reader, 7)) : null;
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

    /// <summary>Record <paramref name="sequence"/>'s stamp and proof; null while it is not stamped.</summary>
    public static RecordStamp? Of(SqliteConnection connection, long sequence)
    {
        if (Over(connection, sequence) is not var (stamp, nodes))
        {
            return null;
        }

        if (nodes is not null)
        {
            return Proof(stamp, nodes, sequence) is { } proof ? new RecordStamp(stamp, proof) : null;
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT proof FROM record_stamps WHERE seq = $seq AND stamp_id = $stamp";
        command.Parameters.AddWithValue("$seq", sequence);
        command.Parameters.AddWithValue("$stamp", stamp.Id);
        return command.ExecuteScalar() is byte[] stored ? new RecordStamp(stamp, stored) : null;
    }

    /// <summary>The columns of a stamp, in the order <see cref="Read"/> takes them, each after
    /// <paramref name="prefix"/> (a table alias).</summary>
    public static string Columns(string prefix) => string.Join(", ", StampColumns.Select(c => prefix + c));

    /// <summary>The stamp in the seven columns from <paramref name="first"/> on (see <see cref="Columns"/>).</summary>
    public static LogStamp Read(SqliteDataReader row, int first) => new(row.GetInt64(first), row.GetInt64(first + 1),
        row.GetInt64(first + 2), SqliteRecords.Bytes(row, first + 3), SqliteRecords.Bytes(row, first + 4),
        row.GetString(first + 5), RecordHash.FromMicros(row.GetInt64(first + 6)));
}
