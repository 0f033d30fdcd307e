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
/// and SQLite keeps its shared-memory file beside it. A writer that opens a closed log while it is read writes to it
/// (its opening, and a checkpoint when a connection closes, touch the file itself) or leaves a WAL beside it;
/// <see cref="Finish"/> then fails the read rather than trust pages that may have moved under it.
/// </remarks>
internal sealed class LogReader : IDisposable
{
    private readonly string _path;
    private readonly (DateTime Written, long Length)? _closed;

    private LogReader(SqliteConnection connection, string path, (DateTime, long)? closed)
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
        var closed = File.Exists(path + "-wal") ? ((DateTime, long)?)null : Look(path);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = closed is null ? path : ImmutableUri(path),
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
        if (_closed is { } before && (File.Exists(_path + "-wal") || Look(_path) != before))
        {
            throw new MessageLogException(
                $"a gateway opened {_path} for writing while it was read; what was read may be torn: read it again");
        }
    }

    /// <inheritdoc />
    public void Dispose() => Connection.Dispose();

    /// <summary>When the file was last written and its size: what any writer's opening or checkpoint changes.</summary>
    private static (DateTime, long) Look(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? (file.LastWriteTimeUtc, file.Length) : default;
    }

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
