using Microsoft.Data.Sqlite;

namespace ExchangeGateway.Core.MessageLog;

/// <summary>
/// The <c>archives</c> table: one row an archive file, in chain order. A record may be deleted only once an archive
/// holds it (the delete trigger reads this table), and only <see cref="Purge"/> deletes.
/// </summary>
internal static class SqliteArchives
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS archives (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            first_seq INTEGER NOT NULL UNIQUE,
            last_seq INTEGER NOT NULL,
            last_hash BLOB NOT NULL,
            last_logged_at INTEGER NOT NULL,
            sha256 BLOB NOT NULL,
            created_at INTEGER NOT NULL,
            purged_at INTEGER NULL
        );
        CREATE TRIGGER IF NOT EXISTS archives_no_delete BEFORE DELETE ON archives
            BEGIN SELECT RAISE(ABORT, 'archive entries are kept'); END;

        """;

    private const string Columns =
        "id, name, first_seq, last_seq, last_hash, last_logged_at, sha256, created_at, purged_at";

    public static List<ArchiveEntry> All(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM archives ORDER BY id";
        using var reader = command.ExecuteReader();
        var entries = new List<ArchiveEntry>();
        while (reader.Read())
        {
            entries.Add(new ArchiveEntry(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2),
                reader.GetInt64(3), SqliteRecords.Bytes(reader, 4), RecordHash.FromMicros(reader.GetInt64(5)),
                SqliteRecords.Bytes(reader, 6), RecordHash.FromMicros(reader.GetInt64(7)),
                reader.IsDBNull(8) ? null : RecordHash.FromMicros(reader.GetInt64(8))));
        }

        return entries;
    }

    /// <summary>Records <paramref name="entry"/>, which must continue the chain of archives exactly.</summary>
    public static void Add(SqliteConnection connection, ArchiveEntry entry)
    {
        using var transaction = connection.BeginTransaction();
        using (var last = connection.CreateCommand())
        {
            last.Transaction = transaction;
            last.CommandText = "SELECT coalesce(max(last_seq), 0), coalesce(max(id), 0) FROM archives";
            using var reader = last.ExecuteReader();
            reader.Read();
            if (reader.GetInt64(0) != entry.FirstSequence - 1 || reader.GetInt64(1) != entry.Id - 1)
            {
                throw new MessageLogException(
                    $"archive {entry.Name} does not follow the last archive (records up to {reader.GetInt64(0)}): " +
                    "another archiver ran meanwhile");
            }
        }

        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO archives ({Columns}) " +
                "VALUES ($id, $name, $first, $last, $hash, $logged, $sha, $created, NULL)";
            insert.Parameters.AddWithValue("$id", entry.Id);
            insert.Parameters.AddWithValue("$name", entry.Name);
            insert.Parameters.AddWithValue("$first", entry.FirstSequence);
            insert.Parameters.AddWithValue("$last", entry.LastSequence);
            insert.Parameters.AddWithValue("$hash", entry.LastHash);
            insert.Parameters.AddWithValue("$logged", RecordHash.ToMicros(entry.LastLoggedAt));
            insert.Parameters.AddWithValue("$sha", entry.Sha256);
            insert.Parameters.AddWithValue("$created", RecordHash.ToMicros(entry.CreatedAt));
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>
    /// Deletes the rows of every archive whose last record was logged before <paramref name="before"/>, except an
    /// archive that holds the newest record (the chain head stays in the database). Returns the rows deleted.
    /// </summary>
    public static long Purge(SqliteConnection connection, DateTimeOffset before, DateTimeOffset now)
    {
        using var transaction = connection.BeginTransaction();
        var due = new List<(long Id, long First, long Last)>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT id, first_seq, last_seq FROM archives WHERE purged_at IS NULL " +
                "AND last_logged_at < $before AND last_seq < (SELECT coalesce(max(seq), 0) FROM records) ORDER BY id";
            select.Parameters.AddWithValue("$before", RecordHash.ToMicros(before));
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                due.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)));
            }
        }

        long deleted = 0;
        foreach (var (id, first, last) in due)
        {
            using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM record_stamps WHERE seq BETWEEN $first AND $last; " +
                "DELETE FROM stamp_trees WHERE stamp_id IN " +
                "(SELECT id FROM stamps WHERE first_seq >= $first AND last_seq <= $last); " +
                "DELETE FROM records WHERE seq BETWEEN $first AND $last; " +
                "UPDATE archives SET purged_at = $now WHERE id = $id;";
            delete.Parameters.AddWithValue("$first", first);
            delete.Parameters.AddWithValue("$last", last);
            delete.Parameters.AddWithValue("$now", RecordHash.ToMicros(now));
            delete.Parameters.AddWithValue("$id", id);
            delete.ExecuteNonQuery();
            deleted += last - first + 1;
        }

        transaction.Commit();
        return deleted;
    }
}
