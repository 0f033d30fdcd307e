using System.Diagnostics.Metrics;
using System.Formats.Asn1;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace ExchangeGateway.Core.MessageLog;

/// <summary>
/// The message log on SQLite: one file per gateway, WAL journal, full sync at every commit, and group commit so
/// that one fsync makes every record that was waiting durable at once.
/// </summary>
/// <remarks>
/// One writer thread owns the chain head. It (1) takes every append that is pending, up to <see cref="MaxBatch"/>;
/// (2) gives each its sequence and hash in arrival order; (3) inserts them in one transaction and commits;
/// (4) completes each caller. On a failed commit it rolls back, re-reads the head from the file and fails that
/// batch, so the chain on disk never forks and no caller is told a record is durable that is not. A time-stamp is
/// written on the same thread, between those commits (<see cref="SaveStamp"/>).
/// </remarks>
public sealed class SqliteMessageLog : IMessageLog, IAsyncDisposable
{
    /// <summary>The most records committed in one transaction.</summary>
    public const int MaxBatch = 1024;

    /// <summary>
    /// The histogram of records made durable by one commit (one fsync), on <see cref="GatewayMeter"/>, tagged
    /// <c>exgw.log</c> with the file: how well group commit works under the load at hand.
    /// </summary>
    public const string CommitSizeInstrument = "exgw.log.commit.records";

    // How long a write waits for another connection's lock (the time-stamper's) before it fails.
    private const int LockSeconds = 5;

    private static readonly Histogram<int> CommitSizes = GatewayMeter.Meter.CreateHistogram<int>(CommitSizeInstrument,
        "{record}", "Records made durable by one commit of the message log.");

    private readonly string _connectionString;
    private readonly Channel<PendingWrite> _pending;

    // Set by every write after it is queued and by closing; the writer sleeps on it when nothing is pending. No
    // spinning: on a machine of few cores a spinning writer takes the processor from those that would feed it.
    // Never disposed: an append that raced the close may still set it, and without its wait handle it holds
    // nothing to release.
    private readonly ManualResetEventSlim _wake = new(false, spinCount: 0);
    private readonly TaskCompletionSource _writer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SignatureHashes _signatureHashes = new();
    private readonly AsnWriter _recordEncoding = new(AsnEncodingRules.DER);
    private long _headSequence;
    private byte[] _headHash = RecordHash.Genesis.ToArray();

    private SqliteMessageLog(string connectionString)
    {
        _connectionString = connectionString;
        _pending = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
        using (var connection = Open())
        {
            SqliteSchema.Create(connection);
            ReadHead(connection);
        }

        // The writer blocks in fsync for most of its time: on a thread of its own it never holds a pool worker, so
        // the pool neither runs short nor adds threads to make up for it.
        var thread = new Thread(WriteLoop) { IsBackground = true, Name = "exgw message log" };
        thread.Start();
    }

    /// <summary>The database file.</summary>
    public string Path { get; private init; } = "";

    /// <summary>Opens (creating when missing) the log at <paramref name="path"/>.</summary>
    public static SqliteMessageLog Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,

            // A write that waits longer than this for a lock fails, and the call with it: fail closed, not hang.
            DefaultTimeout = LockSeconds,
        };
        return new SqliteMessageLog(builder.ToString()) { Path = path };
    }

    /// <summary>Reads a log file without opening it for writing: what an auditor's tools do.</summary>
    public static IEnumerable<LoggedRecord> ReadFile(string path, long fromSequence = 1)
    {
        using var reader = LogReader.Open(path);
        foreach (var record in SqliteRecords.Read(reader.Connection, fromSequence))
        {
            yield return record;
        }

        reader.Finish();
    }

    /// <inheritdoc />
    public Task<LoggedRecord> AppendAsync(MessageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var pending = new PendingAppend(record);
        if (!_pending.Writer.TryWrite(pending))
        {
            return Task.FromException<LoggedRecord>(new MessageLogException("the message log is closed"));
        }

        _wake.Set();
        return pending.Completion.Task;
    }

    /// <inheritdoc />
    public IEnumerable<LoggedRecord> Read(long fromSequence = 1)
    {
        using var connection = Open();
        foreach (var record in SqliteRecords.Read(connection, fromSequence))
        {
            yield return record;
        }
    }

    /// <summary>Reads every record's stamp from a log file without opening it for writing.</summary>
    public static IReadOnlyDictionary<long, RecordStamp> ReadFileStamps(string path) =>
        ReadFileWith(path, SqliteStamps.All);

    /// <summary>Reads the records about one person from a log file, by the keyed hash of the identifier.</summary>
    public static IReadOnlyList<LoggedRecord> ReadFileBySubject(string path, byte[] subjectHash) =>
        ReadFileWith(path, connection => SqliteRecords.ReadBySubject(connection, subjectHash).ToList());

    /// <inheritdoc />
    public IReadOnlyList<UnstampedRecord> ReadUnstamped(int max)
    {
        using var connection = Open();
        return SqliteRecords.ReadHashes(connection, SqliteStamps.LastStampedSequence(connection) + 1, max);
    }

    /// <inheritdoc />
    public DateTimeOffset? OldestUnstamped() => ReadUnstamped(1) is [var oldest] ? oldest.LoggedAt : null;

    /// <inheritdoc />
    /// <remarks>
    /// The stamp row and its tree (about 64 bytes a record) go in one transaction on the writer's thread, between
    /// its commits of records, so no append waits for another connection's lock.
    /// </remarks>
    public void SaveStamp(LogStamp stamp, byte[] nodes)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        ArgumentNullException.ThrowIfNull(nodes);
        var size = stamp.LastSequence - stamp.FirstSequence + 1;
        if (size < 1 || size > int.MaxValue || nodes.Length != Merkle.MerkleTree.NodeCount((int)size) * 32
            || !nodes.AsSpan(nodes.Length - 32).SequenceEqual(stamp.Root))
        {
            throw new MessageLogException(
                $"the tree given for the stamp of records {stamp.FirstSequence}-{stamp.LastSequence} does not fit " +
                "its size or does not end in its root");
        }

        var save = new PendingStamp(stamp, nodes);
        if (!_pending.Writer.TryWrite(save))
        {
            throw new MessageLogException("the message log is closed");
        }

        _wake.Set();

        try
        {
            save.Completion.Task.GetAwaiter().GetResult();
        }
        catch (SqliteException ex)
        {
            throw new MessageLogException($"the time-stamp could not be saved: {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    public long NextStampId()
    {
        using var connection = Open();
        return SqliteStamps.NextId(connection);
    }

    /// <inheritdoc />
    public RecordStamp? StampOf(long sequence)
    {
        using var connection = Open();
        return SqliteStamps.Of(connection, sequence);
    }

    /// <summary>The archives made of this log, in chain order.</summary>
    public IReadOnlyList<ArchiveEntry> Archives()
    {
        using var connection = Open();
        return SqliteArchives.All(connection);
    }

    /// <summary>Reads the archives made of a log file without opening it for writing.</summary>
    public static IReadOnlyList<ArchiveEntry> ReadFileArchives(string path) => ReadFileWith(path, connection =>
    {
        using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'archives'";
        return (long)exists.ExecuteScalar()! == 0 ? [] : SqliteArchives.All(connection);
    });

    /// <summary>Runs <paramref name="read"/> on a log file opened for reading only (<see cref="LogReader"/>).
    /// </summary>
    internal static T ReadFileWith<T>(string path, Func<SqliteConnection, T> read, int busySeconds = 30)
    {
        using var reader = LogReader.Open(path, busySeconds);
        var result = read(reader.Connection);
        reader.Finish();
        return result;
    }

    /// <summary>
    /// Deletes the records of every archive whose last record was logged before <paramref name="before"/>; the
    /// newest record always stays, so the chain goes on from it. Returns the number of records deleted.
    /// </summary>
    public long Purge(DateTimeOffset before, DateTimeOffset now)
    {
        using var connection = Open();
        try
        {
            return SqliteArchives.Purge(connection, before, now);
        }
        catch (SqliteException ex)
        {
            throw new MessageLogException($"archived records could not be purged: {ex.Message}", ex);
        }
    }

    /// <summary>Records an archive just written; it must continue the chain of archives exactly.</summary>
    internal void AddArchive(ArchiveEntry entry)
    {
        using var connection = Open();
        try
        {
            SqliteArchives.Add(connection, entry);
        }
        catch (SqliteException ex)
        {
            throw new MessageLogException($"archive {entry.Name} could not be recorded: {ex.Message}", ex);
        }
    }

    /// <summary>A connection of its own to the log file, for reading at length (archiving).</summary>
    internal SqliteConnection OpenConnection() => Open();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        _wake.Set();
        await _writer.Task.ConfigureAwait(false);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        // SQLite's own busy handler retries a lock within milliseconds; without it, Microsoft.Data.Sqlite retries
        // every 150 ms, and a writer that met the time-stamper's lock would stall every call for that long.
        pragma.CommandText =
            $"PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout={LockSeconds * 1000};";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private void ReadHead(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, record_hash FROM records ORDER BY seq DESC LIMIT 1";
        using var reader = command.ExecuteReader();
        if (reader.Read())
        {
            _headSequence = reader.GetInt64(0);
            _headHash = SqliteRecords.Bytes(reader, 1);
        }
        else
        {
            _headSequence = 0;
            _headHash = RecordHash.Genesis.ToArray();
        }
    }

    private void WriteLoop()
    {
        try
        {
            WriteUntilClosed();

            // Only now, with the connection closed (and the WAL checkpointed), is the log closed for its owner.
            _writer.TrySetResult();
        }
        catch (Exception ex)
        {
            // The file could not be opened again: refuse what waits and what comes rather than leave it hanging.
            _pending.Writer.TryComplete(ex);
            var failure = new MessageLogException($"the message log writer stopped: {ex.Message}", ex);
            while (_pending.Reader.TryRead(out var pending))
            {
                pending.Fail(failure);
            }

            _writer.TrySetException(ex);
        }
    }

    private void WriteUntilClosed()
    {
        using var connection = Open();
        using var insert = new RecordInsert(connection);
        var batch = new List<PendingAppend>(MaxBatch);
        while (WaitForWrites())
        {
            // (1) Everything pending now, up to a time-stamp, which follows the commit.
            batch.Clear();
            PendingStamp? stamp = null;
            while (batch.Count < MaxBatch && stamp is null && _pending.Reader.TryRead(out var pending))
            {
                stamp = pending as PendingStamp;
                if (pending is PendingAppend append)
                {
                    batch.Add(append);
                }
            }

            if (batch.Count > 0)
            {
                Commit(connection, insert, batch);
            }

            stamp?.Run(connection);
        }
    }

    /// <summary>Blocks this thread until an append or a stamp is pending (true) or the log is closed and drained
    /// (false).</summary>
    /// <remarks>
    /// The writer is woken by the appender itself (<see cref="_wake"/>), not through the channel's
    /// <c>WaitToReadAsync</c>, whose continuation is a thread-pool work item: under load that item waited in the
    /// pool's queue behind the calls' own work while records queued for the writer, and at one call at a time it
    /// cost a second thread's wake-up on the way to every commit.
    /// </remarks>
    private bool WaitForWrites()
    {
        while (true)
        {
            // Reset, then look: a write queued before the reset is seen now, one queued after it sets the event
            // again, so no wake-up is lost.
            _wake.Reset();
            if (_pending.Reader.TryPeek(out _))
            {
                return true;
            }

            if (_pending.Reader.Completion.IsCompleted)
            {
                return false;
            }

            _wake.Wait();
        }
    }

    private void Commit(SqliteConnection connection, RecordInsert insert, List<PendingAppend> batch)
    {
        var logged = new LoggedRecord[batch.Count];
        var sequence = _headSequence;
        var hash = _headHash;
        try
        {
            using var transaction = connection.BeginTransaction();

            // (2) and (3) Chain in arrival order, insert, commit.
            for (var i = 0; i < batch.Count; i++)
            {
                sequence++;
                var next = RecordHash.Compute(sequence, batch[i].Record, _signatureHashes, hash, _recordEncoding);
                logged[i] = new LoggedRecord(sequence, batch[i].Record, hash, next);
                insert.Insert(logged[i]);
                hash = next;
            }

            transaction.Commit();
        }
        catch (Exception ex)
        {
            // Whatever the cause (I/O, a lock, a record that cannot be encoded), the batch fails closed and the
            // loop goes on with the next one: no caller is left waiting.
            ReadHeadAfterFailure(connection);
            var failure = new MessageLogException($"the message log could not commit: {ex.Message}", ex);
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(failure);
            }

            return;
        }

        // (4) Durable: tell the callers.
        CommitSizes.Record(batch.Count, new KeyValuePair<string, object?>("exgw.log", Path));
        _headSequence = sequence;
        _headHash = hash;
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Completion.TrySetResult(logged[i]);
        }
    }

    private void ReadHeadAfterFailure(SqliteConnection connection)
    {
        try
        {
            ReadHead(connection);
        }
        catch (SqliteException)
        {
            // The head stays as it was in memory; the next commit retries against the same head.
        }
    }

    private abstract class PendingWrite
    {
        public abstract void Fail(Exception failure);
    }

    private sealed class PendingAppend(MessageRecord record) : PendingWrite
    {
        public MessageRecord Record { get; } = record;

        public TaskCompletionSource<LoggedRecord> Completion { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Fail(Exception failure) => Completion.TrySetException(failure);
    }

    /// <summary>A time-stamp's save, in a transaction of its own.</summary>
    private sealed class PendingStamp(LogStamp stamp, byte[] nodes) : PendingWrite
    {
        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Run(SqliteConnection connection)
        {
            try
            {
                using var transaction = connection.BeginTransaction();
                SqliteStamps.Save(connection, transaction, stamp, nodes);
                transaction.Commit();
                Completion.TrySetResult();
            }
            catch (Exception ex)
            {
                // Rolled back; the stamper is told and tries again in a later round.
                Completion.TrySetException(ex);
            }
        }

        public override void Fail(Exception failure) => Completion.TrySetException(failure);
    }
}
