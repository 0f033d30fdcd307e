using Microsoft.Data.Sqlite;

namespace ExchangeGateway.Core.MessageLog;

/// <summary>
/// A read-only connection to a message log file: what an auditor's tools and the audit API read through.
/// </summary>
/// <remarks>
/// A log its writer has closed has no WAL beside it: every record is in the file. Such a log is opened immutable,
/// so SQLite takes no lock and makes no shared-memory file: nothing is left beside a log that was only read, and a
/// write-protected copy (an auditor's evidence) can be read at all, where SQLite's WAL mode would otherwise fail to
/// make its shared memory ("attempt to write a readonly database"). With a WAL beside it the log is live (or its
/// writer stopped before it could checkpoint): it is opened as a reader among writers, reading what the WAL holds,
/// and SQLite keeps its shared-memory file beside it. A writer that opens a closed log while it is read makes a
/// WAL; <see cref="Finish"/> then fails the read rather than trust pages that may have moved under it.
/// </remarks>
internal sealed class LogReader : IDisposable
{
    private readonly string _path;
    private readonly bool _closed;

    private LogReader(SqliteConnection connection, string path, bool closed)
    {
        Connection = connection;
        _path = path;
        _closed = closed;
    }

    /// <summary>The open connection.</summary>
    public SqliteConnection Connection { get; }

    /// <summary>Opens the log at <paramref name="path"/> for reading, waiting up to
    /// <paramref name="busySeconds"/> for a writer's lock when it is live.</summary>
    public static LogReader Open(string path, int busySeconds = 30)
    {
        var closed = !File.Exists(path + "-wal");
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = closed ? ImmutableUri(path) : path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = busySeconds,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            return new LogReader(connection, path, closed);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Throws a <see cref="MessageLogException"/> when a writer opened a log that was read as closed
    /// while it was read; called once the reading is done.</summary>
    public void Finish()
    {
        if (_closed && File.Exists(_path + "-wal"))
        {
            throw new MessageLogException(
                $"a gateway opened {_path} for writing while it was read; what was read may be torn: read it again");
        }
    }

    /// <inheritdoc />
    public void Dispose() => Connection.Dispose();

    // SQLite's URI filename: the path with '%', '?' and '#' escaped, absolute, with forward slashes (RFC 8089).
    private static string ImmutableUri(string path)
    {
        var full = Path.GetFullPath(path).Replace('\\', '/')
            .Replace("%", "%25", StringComparison.Ordinal)
            .Replace("?", "%3F", StringComparison.Ordinal)
            .Replace("#", "%23", StringComparison.Ordinal);
        return $"file:{(full.StartsWith('/') ? "" : "/")}{full}?immutable=1";
    }
}
