using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Core.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ExchangeGateway.Core.Tests.MessageLog;

public sealed class LogReaderTests
{
    [Fact]
    public async Task ReadFile_ClosedLog_ReadsEveryRecord_AndLeavesNothingBesideIt()
    {
        await using var file = new TempMessageLog();
        var logged = await file.AppendAllAsync(
            Enumerable.Range(1, 5).Select(i => LogRecords.Unsigned($"m-{i}") with { SubjectHash = new byte[32] }));
        await file.CloseAsync();
        var folder = Path.GetDirectoryName(file.Path)!;

        var read = SqliteMessageLog.ReadFile(file.Path).ToList();
        var stamps = SqliteMessageLog.ReadFileStamps(file.Path);
        var archives = SqliteMessageLog.ReadFileArchives(file.Path);
        var about = SqliteMessageLog.ReadFileBySubject(file.Path, new byte[32]);
        var found = MessageLogSearch.Search(file.Path, new RecordFilter());

        Assert.Equal(logged.Select(l => l.Hash), read.Select(r => r.Hash));
        Assert.Empty(stamps);
        Assert.Empty(archives);
        Assert.Equal(5, about.Count);
        Assert.Equal(5, found.Count);
        Assert.Equal([file.Path], Directory.GetFiles(folder));
    }

    [Fact]
    public async Task ReadFile_ClosedLogInAFolderWhoseNameNeedsEscaping_IsRead()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "evidence 100% #2?", "messages.db");
        var log = SqliteMessageLog.Open(path);
        await log.AppendAsync(LogRecords.Unsigned("m-1")).Within();
        await log.DisposeAsync().AsTask().Within();

        var read = SqliteMessageLog.ReadFile(path).ToList();

        Assert.Equal("m-1", Assert.Single(read).Record.MessageId);
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public async Task ReadFile_LiveLog_ReadsWhatOnlyItsWalHolds()
    {
        await using var file = new TempMessageLog();
        await file.AppendAllAsync(Enumerable.Range(1, 3).Select(i => LogRecords.Unsigned($"m-{i}")));

        var read = SqliteMessageLog.ReadFile(file.Path).ToList();

        Assert.True(File.Exists(file.Path + "-wal"));
        Assert.Equal([1L, 2, 3], read.Select(r => r.Sequence));
    }

    [Fact]
    public async Task ReadFile_GatewayOpensTheClosedLogWhileItIsRead_FailsTheRead()
    {
        await using var file = new TempMessageLog();
        await file.AppendAllAsync(Enumerable.Range(1, 3).Select(i => LogRecords.Unsigned($"m-{i}")));
        await file.CloseAsync();

        using var records = SqliteMessageLog.ReadFile(file.Path).GetEnumerator();
        Assert.True(records.MoveNext());
        await file.ReopenAsync();
        var thrown = Assert.Throws<MessageLogException>(() =>
        {
            while (records.MoveNext())
            {
            }
        });

        Assert.Contains("opened", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("read it again", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_MissingFile_Throws()
    {
        using var directory = new TempDirectory();
        var path = directory.File("missing.db");

        Assert.Throws<SqliteException>(() => SqliteMessageLog.ReadFile(path).ToList());
        Assert.False(File.Exists(path));
    }
}
