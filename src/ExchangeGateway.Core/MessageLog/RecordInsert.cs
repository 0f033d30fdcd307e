using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ExchangeGateway.Core.MessageLog;

/// <summary>
/// The writer's one prepared insert of a record, bound by position through SQLite's own API.
/// </summary>
/// <remarks>
/// <see cref="SqliteCommand"/> looks every parameter up by name and allocates a binder for it on each execution:
/// 19 of each a record, on the one thread every record of the gateway goes through. Here the values go straight to
/// the statement: text as UTF-16 and blobs as spans, both copied by SQLite, so nothing is allocated a record. The
/// statement runs inside the writer's transaction on the same connection.
/// </remarks>
internal sealed class RecordInsert : IDisposable
{
    // An empty text is bound from this NUL alone: an empty span would bind NULL.
    private static readonly byte[] EmptyText = [0];

    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    public RecordInsert(SqliteConnection connection)
    {
        _database = connection.Handle!;
        var sql = $"INSERT INTO records ({string.Join(", ", SqliteRecords.Columns)}) " +
            $"VALUES ({string.Join(", ", SqliteRecords.Columns.Select((_, i) => "?" + (i + 1)))})";
        Check(raw.sqlite3_prepare_v2(_database, sql, out _statement));
    }

    /// <summary>Inserts <paramref name="logged"/>; throws <see cref="SqliteException"/> when SQLite refuses.</summary>
    public void Insert(LoggedRecord logged)
    {
        var record = logged.Record;
        try
        {
            Check(raw.sqlite3_bind_int64(_statement, 1, logged.Sequence));
            Text(2, record.MessageId);
            Check(raw.sqlite3_bind_int(_statement, 3, (int)record.Side));
            Check(raw.sqlite3_bind_int(_statement, 4, (int)record.Direction));
            Text(5, record.Client);
            Text(6, record.Service);
            Text(7, record.Method);
            Text(8, record.UserId);
            Text(9, record.Issue);
            Blob(10, record.SubjectHash);
            Blob(11, record.PayloadDigest);
            Blob(12, record.Payload);
            Blob(13, record.Envelope);
            Blob(14, record.Signature);
            Blob(15, record.Proof);
            Check(raw.sqlite3_bind_int64(_statement, 16, RecordHash.ToMicros(record.LoggedAt)));
            Text(17, record.Outcome);
            Blob(18, logged.PreviousHash);
            Blob(19, logged.Hash);
            var done = raw.sqlite3_step(_statement);
            if (done != raw.SQLITE_DONE)
            {
                Check(done);
            }
        }
        finally
        {
            // The statement gives up its values and is ready for the next record, whatever happened to this one.
            raw.sqlite3_reset(_statement);
            raw.sqlite3_clear_bindings(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Text(int index, string value) => Check(value.Length == 0
        ? raw.sqlite3_bind_text(_statement, index, utf8z.FromSpan(EmptyText))
        : raw.sqlite3_bind_text16(_statement, index, value.AsSpan()));

    private void Blob(int index, byte[]? value) => Check(value switch
    {
        null => raw.sqlite3_bind_null(_statement, index),
        [] => raw.sqlite3_bind_zeroblob(_statement, index, 0),
        _ => raw.sqlite3_bind_blob(_statement, index, value),
    });

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException(
                $"SQLite Error {result}: '{raw.sqlite3_errmsg(_database).utf8_to_string()}'.", result);
        }
    }
}
