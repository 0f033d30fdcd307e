using Microsoft.Data.Sqlite;

namespace ExchangeGateway.Core.MessageLog;

/// <summary>The message log's tables. Append-only: triggers refuse updates and deletes of records.</summary>
internal static class SqliteSchema
{
    public static void Create(SqliteConnection connection)
    {
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
                payload_digest BLOB NOT NULL,
                payload BLOB NULL,
                envelope BLOB NULL,
                signature BLOB NULL,
                logged_at INTEGER NOT NULL,
                outcome TEXT NOT NULL,
                prev_hash BLOB NOT NULL,
                record_hash BLOB NOT NULL
            );
            CREATE INDEX IF NOT EXISTS records_message_id ON records(message_id);
            CREATE TRIGGER IF NOT EXISTS records_no_update BEFORE UPDATE ON records
                BEGIN SELECT RAISE(ABORT, 'the message log is append-only'); END;
            """;
        command.ExecuteNonQuery();
    }
}
