using System.Text;
using ExchangeGateway.Core.Archives;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Core.Subjects;
using ExchangeGateway.Core.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ExchangeGateway.Core.Tests.Archives;

/// <summary>Cutting a log into archives: periods, sizes, reruns, purging, and traffic meanwhile.</summary>
public sealed class LogArchiverTests
{
    private static readonly System.Text.Json.JsonSerializerOptions Web =
        new(System.Text.Json.JsonSerializerDefaults.Web);

    [Fact]
    public async Task Archive_OnlyStampedRecords_LeavesTheRestForLater()
    {
        await using var log = new StampedLog();
        await log.AddStampedAsync(runs: 1, size: 3);
        await log.AddAsync(2);

        var first = log.Archiver().Archive(closedPeriodsOnly: false);
        log.Stamp();
        var second = log.Archiver().Archive(closedPeriodsOnly: false);

        Assert.Equal((1L, 3L), (Assert.Single(first).FirstSequence, first[0].LastSequence));
        Assert.Equal((4L, 5L), (Assert.Single(second).FirstSequence, second[0].LastSequence));
        Assert.Equal(Convert.ToHexStringLower(first[0].Sha256),
            ReadManifest(log, second[0]).Previous!.Sha256);
        Assert.True(StampedLog.Verify([.. log.Log.Archives().Select(a => Path.Combine(log.ArchiveDirectory, a.Name))])
            .IsValid);
    }

    [Fact]
    public async Task Archive_Layout4StampBesideALayout5One_IsArchivedWithEveryProofAndVerifies()
    {
        await using var log = new StampedLog();
        await log.AddAsync(3);
        log.StampAsLayout4();
        await log.AddAsync(2);
        log.Stamp();

        var paths = log.ArchiveAll();

        var verification = StampedLog.Verify([.. paths]);
        Assert.True(verification.IsValid, verification.Failure?.ToString());
        Assert.Equal(5, verification.Records);
    }

    [Fact]
    public async Task Archive_Rerun_WritesNothingTwice()
    {
        await using var log = new StampedLog();
        await log.AddStampedAsync(runs: 2, size: 2);

        var first = log.Archiver().Archive(closedPeriodsOnly: false);
        var again = log.Archiver().Archive(closedPeriodsOnly: false);

        Assert.Single(first);
        Assert.Empty(again);
        Assert.Single(Directory.GetFiles(log.ArchiveDirectory, "*.zip"));
    }

    [Fact]
    public async Task Archive_ClosedPeriodsOnly_WaitsForThePeriodToEnd()
    {
        await using var log = new StampedLog();
        await log.AddStampedAsync(runs: 1, size: 2);
        var policy = new ArchivingPolicy { Period = TimeSpan.FromHours(1) };

        var during = log.Archiver(policy).Archive(closedPeriodsOnly: true);
        log.Time.Advance(TimeSpan.FromHours(1));
        var after = log.Archiver(policy).Archive(closedPeriodsOnly: true);

        Assert.Empty(during);
        Assert.Single(after);
    }

    [Fact]
    public async Task Archive_StampsOfTwoPeriods_MakeTwoArchives()
    {
        await using var log = new StampedLog();
        var policy = new ArchivingPolicy { Period = TimeSpan.FromHours(1) };
        await log.AddStampedAsync(runs: 2, size: 2);
        log.Time.Advance(TimeSpan.FromHours(1));
        await log.AddStampedAsync(runs: 1, size: 2);

        var archives = log.Archiver(policy).Archive(closedPeriodsOnly: false);

        Assert.Equal([(1L, 4L), (5L, 6L)], archives.Select(a => (a.FirstSequence, a.LastSequence)));
    }

    [Fact]
    public async Task Archive_WhileTrafficGoesOn_NeverMakesAHealthyLogLookTampered()
    {
        await using var log = new StampedLog();
        await log.AddStampedAsync(runs: 1, size: 10);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var traffic = Task.Run(async () =>
        {
            for (var round = 0; round < 40 && !stop.IsCancellationRequested; round++)
            {
                await log.AddAsync(5);
                log.Stamp();
            }
        });

        var archived = new List<ArchiveEntry>();
        while (!traffic.IsCompleted)
        {
            archived.AddRange(log.Archiver(new ArchivingPolicy { MaxRecords = 25 }).Archive(closedPeriodsOnly: false));
        }

        await traffic.Within();
        archived.AddRange(log.Archiver(new ArchivingPolicy { MaxRecords = 25 }).Archive(closedPeriodsOnly: false));

        var verification = StampedLog.Verify([.. archived.Select(a => Path.Combine(log.ArchiveDirectory, a.Name))]);
        Assert.True(verification.IsValid, verification.Failure?.ToString());
        Assert.Equal(210, verification.Records);
    }

    [Fact]
    public async Task Purge_AfterRetention_DeletesArchivedRowsOnly_AndTheLogStillVerifies()
    {
        await using var log = new StampedLog();
        await log.AddStampedAsync(runs: 2, size: 3);
        log.Archiver(new ArchivingPolicy { MaxRecords = 3 }).Archive(closedPeriodsOnly: false);
        await log.AddAsync(2);
        var policy = new ArchivingPolicy { Retention = TimeSpan.FromDays(30) };

        var early = log.Archiver(policy).Purge();
        log.Time.Advance(TimeSpan.FromDays(31));
        var due = log.Archiver(policy).Purge();

        Assert.Equal(0, early);
        Assert.Equal(6, due);
        Assert.Equal([7L, 8L], log.Log.Read().Select(r => r.Sequence));
        var start = log.Log.Archives()[^1];
        var verification = MessageLogVerifier.Verify(log.Log.Read(), TestFederation.Read(), start);
        Assert.True(verification.IsValid, verification.Failure?.ToString());
        Assert.All(log.Log.Archives(), a => Assert.NotNull(a.PurgedAt));
    }

    [Fact]
    public async Task Purge_NeverDeletesTheNewestRecord()
    {
        await using var log = new StampedLog();
        await log.AddStampedAsync(runs: 1, size: 3);
        log.Archiver().Archive(closedPeriodsOnly: false);
        log.Time.Advance(TimeSpan.FromDays(31));

        Assert.Equal(0, log.Archiver().Purge());
        Assert.Equal(3, log.Log.Read().Count());
    }

    [Fact]
    public async Task Delete_OfAnUnarchivedRecord_IsRefusedByTheDatabase()
    {
        await using var log = new StampedLog();
        await log.AddStampedAsync(runs: 2, size: 2);
        log.Archiver(new ArchivingPolicy { MaxRecords = 2 }).Archive(closedPeriodsOnly: false);
        await log.AddAsync(2);

        var refused = Assert.Throws<SqliteException>(() => log.File.Execute("DELETE FROM records WHERE seq = 5"));
        var archived = log.File.Execute("DELETE FROM records WHERE seq = 1");

        Assert.Contains("this record is not archived", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, archived);
    }

    [Fact]
    public async Task Archive_FileOfAnotherLogInTheWay_IsRefusedAndKept()
    {
        await using var log = new StampedLog();
        await log.AddStampedAsync(runs: 1, size: 2);
        await using var other = new StampedLog();
        await other.AddStampedAsync(runs: 1, size: 3);
        var foreign = Assert.Single(other.ArchiveAll());
        var inTheWay = Path.Combine(log.ArchiveDirectory, Path.GetFileName(foreign));
        File.Copy(foreign, inTheWay);

        var refused = Assert.Throws<MessageLogException>(() => log.Archiver().Archive(closedPeriodsOnly: false));

        Assert.Contains("exists and is not an unrecorded archive of this log", refused.Message,
            StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(foreign), File.ReadAllBytes(inTheWay));
        Assert.Empty(log.Log.Archives());
    }

    [Fact]
    public async Task Archive_UnrecordedFileOfAnEarlierAttempt_IsRewritten()
    {
        await using var log = new StampedLog();
        await log.AddStampedAsync(runs: 1, size: 2);
        var first = Assert.Single(log.ArchiveAll());
        var copy = File.ReadAllBytes(first);
        await using var again = new StampedLog();
        await again.AddStampedAsync(runs: 1, size: 2);
        File.WriteAllBytes(Path.Combine(again.ArchiveDirectory, Path.GetFileName(first)), copy);

        // Same range, gateway and number, but another log's records: not this log's attempt.
        Assert.Throws<MessageLogException>(() => again.Archiver().Archive(closedPeriodsOnly: false));
    }

    [Fact]
    public async Task Archive_WithoutSubjectBodyLogging_HoldsOnlyTheKeyedHash()
    {
        await using var log = new StampedLog();
        var key = new SubjectKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        const string person = "0987654321098";
        await log.AddAsync(LogRecords.Unsigned("about-a-person") with { SubjectHash = key.Hash(person) });
        log.Stamp();
        var path = Assert.Single(log.ArchiveAll());

        var everything = ArchiveFile.Names(path).Select(n => ArchiveFile.Read(path, n)).ToList();

        Assert.DoesNotContain(everything, bytes => Encoding.UTF8.GetString(bytes).Contains(person,
            StringComparison.Ordinal));
        Assert.Contains(everything, bytes => Encoding.UTF8.GetString(bytes).Contains(
            Convert.ToHexStringLower(key.Hash(person)), StringComparison.Ordinal));
        Assert.DoesNotContain(person, Encoding.Latin1.GetString(File.ReadAllBytes(log.File.Path)),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubjectReport_AfterPurge_FindsExactlyThePersonsCallsInTheArchives()
    {
        await using var log = new StampedLog();
        var key = new SubjectKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await log.AddAsync(LogRecords.Unsigned("about-anna") with { SubjectHash = key.Hash("MD-ANNA") });
        await log.AddAsync(LogRecords.Unsigned("about-ion") with { SubjectHash = key.Hash("MD-ION") });
        await log.AddAsync(LogRecords.Unsigned("about-anna-again") with { SubjectHash = key.Hash("MD-ANNA") });
        log.Stamp();
        log.Archiver().Archive(closedPeriodsOnly: false);
        await log.AddAsync(LogRecords.Unsigned("anna-today") with { SubjectHash = key.Hash("MD-ANNA") });
        log.Time.Advance(TimeSpan.FromDays(31));
        Assert.Equal(3, log.Archiver().Purge());

        var fromDatabase = SubjectReport.Find(log.File.Path, key, "MD-ANNA");
        var withArchives = SubjectReport.Find(log.File.Path, key, "MD-ANNA", log.ArchiveDirectory);

        Assert.Equal(["anna-today"], fromDatabase.Select(a => a.MessageId));
        Assert.Equal(["about-anna", "about-anna-again", "anna-today"], withArchives.Select(a => a.MessageId));
    }

    private static ArchiveManifest ReadManifest(StampedLog log, ArchiveEntry entry) =>
        System.Text.Json.JsonSerializer.Deserialize<ArchiveManifest>(
            ArchiveFile.Read(Path.Combine(log.ArchiveDirectory, entry.Name), "manifest.json"), Web)!;
}
