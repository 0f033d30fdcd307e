using ExchangeGateway.Core.MessageLog;
using Microsoft.Data.Sqlite;

namespace ExchangeGateway.Core.Tests.Support;

/// <summary>A message log in a file of a temp folder of its own; closing it removes the folder.</summary>
internal sealed class TempMessageLog : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();

    public TempMessageLog()
    {
        Path = _directory.File("messages.db");
        Log = SqliteMessageLog.Open(Path);
    }

    public string Path { get; }

    public SqliteMessageLog Log { get; private set; }

    /// <summary>Appends each record in turn, waiting for each to be durable.</summary>
    public async Task<List<LoggedRecord>> AppendAllAsync(IEnumerable<MessageRecord> records)
    {
        var logged = new List<LoggedRecord>();
        foreach (var record in records)
        {
            logged.Add(await Log.AppendAsync(record).Within());
        }

        return logged;
    }

    public Task CloseAsync() => Log.DisposeAsync().AsTask().Within();

    public async Task ReopenAsync()
    {
        await CloseAsync();
        Log = SqliteMessageLog.Open(Path);
    }

    /// <summary>Runs SQL on the log file behind the log's back, as anyone with access to the file could.</summary>
    public int Execute(string sql, params (string Name, object Value)[] parameters)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteNonQuery();
    }

    /// <summary>A pragma's value on a connection the log opens as it opens its own.</summary>
    public object? Pragma(string name)
    {
        using var connection = Log.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return command.ExecuteScalar();
    }

    /// <summary>Removes the trigger that refuses updates, as the first step of any rewrite.</summary>
    public void DropUpdateTrigger() => Execute("DROP TRIGGER records_no_update");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await CloseAsync();
        }
        finally
        {
            _directory.Dispose();
        }
    }
}
