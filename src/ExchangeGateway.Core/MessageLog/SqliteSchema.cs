using Microsoft.Data.Sqlite;

namespace ExchangeGateway.Core.MessageLog;

/// <summary>
/// The message log's tables. Append-only: triggers refuse updates of records, and deletes of any record that no
/// archive holds yet (archived rows may leave after the retention period).
/// </summary>
internal static class SqliteSchema
{
    /// <summary>The layout this code writes; a file of another layout is refused rather than half-written.
    /// Layout 5 keeps each stamp's Merkle tree instead of one proof a record; the proofs of a layout 4 file stay
    /// and are read as they are, and its new stamps keep trees.</summary>
    public const int Version = 5;

    public static void Create(SqliteConnection connection)
    {
        using (var check = connection.CreateCommand())
        {
            check.CommandText = "SELECT (SELECT user_version FROM pragma_user_version), " +
                "(SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'records')";
            using var reader = check.ExecuteReader();
            reader.Read();
            var version = reader.GetInt32(0);
            if (reader.GetInt32(1) > 0 && version != Version && version is not (3 or 4))
            {
                throw new MessageLogException(
                    $"message log layout version {version} is not the version {Version} this gateway writes");
            }

            if (reader.GetInt32(1) > 0 && version == 3)
            {
                // Version 3 refused every delete; version 4 lets archived rows go. Nothing else changes.
                reader.Close();
                using var migrate = connection.CreateCommand();
                migrate.CommandText = "DROP TRIGGER IF EXISTS records_no_delete";
                migrate.ExecuteNonQuery();
            }
        }

        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS records (
                seq INTEGER PRIMARY KEY,
                message_id TEXT NOT NULL,
                side INTEGER NOT NULL,
                direction INTEGER NOT NULL,
                client TEXT NOT NULL,
                service TEXT NOT NULL,
                method TEXT NOT NULL,
                user_id TEXT NOT NULL,
                issue TEXT NOT NULL,
                subject_hash BLOB NULL,
                payload_digest BLOB NOT NULL,
                payload BLOB NULL,
                envelope BLOB NULL,
                signature BLOB NULL,
                proof BLOB NULL,
                logged_at INTEGER NOT NULL,
                outcome TEXT NOT NULL,
                prev_hash BLOB NOT NULL,
                record_hash BLOB NOT NULL
            );
            CREATE INDEX IF NOT EXISTS records_message_id ON records(message_id);
            CREATE INDEX IF NOT EXISTS records_subject ON records(subject_hash) WHERE subject_hash IS NOT NULL;
            CREATE INDEX IF NOT EXISTS records_logged_at ON records(logged_at);
            CREATE TRIGGER IF NOT EXISTS records_no_update BEFORE UPDATE ON records
                BEGIN SELECT RAISE(ABORT, 'the message log is append-only'); END;
            """ + SqliteStamps.Schema + SqliteArchives.Schema + """
            CREATE TRIGGER IF NOT EXISTS records_no_delete BEFORE DELETE ON records
                WHEN old.seq > (SELECT coalesce(max(last_seq), 0) FROM archives)
                BEGIN SELECT RAISE(ABORT, 'the message log is append-only: this record is not archived'); END;
            PRAGMA user_version = 5;
            """;
        command.ExecuteNonQuery();
    }
}
