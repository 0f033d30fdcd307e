using ExchangeGateway.Core.Merkle;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Core.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ExchangeGateway.Core.Tests.MessageLog;

public sealed class SqliteMessageLogTests
{
    [Fact]
    public async Task AppendAsync_InTurn_GivesSequences1ToNEachChainedToThePrevious()
    {
        await using var file = new TempMessageLog();

        var logged = await file.AppendAllAsync(Enumerable.Range(1, 5).Select(i => LogRecords.Unsigned($"m-{i}")));

        Assert.Equal([1L, 2, 3, 4, 5], logged.Select(l => l.Sequence));
        Assert.Equal(new byte[32], logged[0].PreviousHash);
        for (var i = 0; i < logged.Count; i++)
        {
            var previous = i == 0 ? new byte[32] : logged[i - 1].Hash;
            Assert.Equal(previous, logged[i].PreviousHash);
            Assert.Equal(RecordHash.Compute(logged[i].Sequence, logged[i].Record, previous), logged[i].Hash);
        }
    }

    [Fact]
    public async Task Read_AfterAppends_ReturnsEveryRecordAsWritten()
    {
        await using var file = new TempMessageLog();
        var logged = await file.AppendAllAsync(
        [
            LogRecords.Unsigned("plain"),
            LogRecords.Unsigned("with-payload", keepPayload: true),
            LogRecords.SignedRequest("signed", TestCertificates.ClientSigning),
            LogRecords.SignedResponse("answer", TestCertificates.ProviderSigning) with
            {
                UserId = "",
                Issue = "",
                Outcome = "PERMISSION_DENIED ACCESS_DENIED",
            },

            // A refusal before the payload was read logs an empty digest: empty, not NULL, comes back.
            LogRecords.Unsigned("refused") with { PayloadDigest = [], Outcome = "INVALID_ARGUMENT BAD_REQUEST" },
            LogRecords.Unsigned("about-a-person") with { SubjectHash = new byte[32], Proof = [1, 2, 3] },
        ]);

        var read = file.Log.Read().ToList();

        Assert.Equal(logged.Count, read.Count);
        for (var i = 0; i < read.Count; i++)
        {
            AssertSame(logged[i], read[i]);
        }
    }

    [Fact]
    public async Task ReadUnstamped_GivesEachRecordsPlaceHashAndTime()
    {
        await using var file = new TempMessageLog();
        var logged = await file.AppendAllAsync(Enumerable.Range(1, 3).Select(i =>
            LogRecords.Unsigned($"m-{i}", keepPayload: true) with { LoggedAt = TestTime.Now.AddSeconds(i) }));

        var unstamped = file.Log.ReadUnstamped(2);

        Assert.Equal([1L, 2], unstamped.Select(r => r.Sequence));
        Assert.Equal(logged.Take(2).Select(l => l.Hash), unstamped.Select(r => r.Hash));
        Assert.Equal([TestTime.Now.AddSeconds(1), TestTime.Now.AddSeconds(2)], unstamped.Select(r => r.LoggedAt));
    }

    [Fact]
    public async Task Read_FromSequence_StartsThere()
    {
        await using var file = new TempMessageLog();
        await file.AppendAllAsync(Enumerable.Range(1, 5).Select(i => LogRecords.Unsigned($"m-{i}")));

        Assert.Equal([3L, 4, 5], file.Log.Read(3).Select(r => r.Sequence));
        Assert.Empty(file.Log.Read(6));
    }

    [Fact]
    public async Task Read_EmptyLog_ReturnsNothing()
    {
        await using var file = new TempMessageLog();

        Assert.Empty(file.Log.Read());
    }

    [Fact]
    public async Task AppendAsync_SubMicrosecondTime_ReadsBackTruncatedWithTheSameHash()
    {
        await using var file = new TempMessageLog();
        var record = LogRecords.Unsigned("m-1") with { LoggedAt = TestTime.Now.AddTicks(7) };

        var logged = await file.Log.AppendAsync(record).Within();

        var read = Assert.Single(file.Log.Read());
        Assert.Equal(TestTime.Now, read.Record.LoggedAt);
        Assert.Equal(logged.Hash, RecordHash.Compute(read.Sequence, read.Record, read.PreviousHash));
    }

    [Fact]
    public async Task AppendAsync_200Concurrent_LeaveOneUnbrokenChain()
    {
        await using var file = new TempMessageLog();
        var records = Enumerable.Range(1, 200).Select(i => i % 2 == 0
            ? LogRecords.SignedRequest($"m-{i}", TestCertificates.ClientSigning)
            : LogRecords.Unsigned($"m-{i}", keepPayload: i % 3 == 0)).ToList();

        var logged = await Task.WhenAll(records.Select(r => Task.Run(() => file.Log.AppendAsync(r)))).Within();

        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), logged.Select(l => l.Sequence).Order());
        Assert.Equal(
            records.Select(r => r.MessageId).Order(StringComparer.Ordinal),
            logged.Select(l => l.Record.MessageId).Order(StringComparer.Ordinal));
        var verification = MessageLogVerifier.Verify(file.Log.Read(), TestFederation.Read());
        Assert.True(verification.IsValid, verification.Failure?.ToString());
        Assert.Equal(200, verification.Records);
        Assert.Equal(100, verification.SignedRecords);
    }

    [Fact]
    public async Task AppendAsync_BurstsBetweenPauses_EachFindsTheWriterAsleepOrBusy_AndEveryRecordCommits()
    {
        // The writer sleeps when nothing is pending and is woken by the appender: appends that come just as it
        // goes to sleep, or while it commits, must each be committed, never left waiting.
        await using var file = new TempMessageLog();
        var random = new Random(7);
        var appended = 0;
        for (var round = 0; round < 60; round++)
        {
            await Task.Delay(random.Next(0, 3));
            var burst = Enumerable.Range(0, random.Next(1, 9))
                .Select(i => Task.Run(() => file.Log.AppendAsync(LogRecords.Unsigned($"m-{round}-{i}"))));
            appended += (await Task.WhenAll(burst).Within()).Length;
        }

        Assert.Equal(appended, file.Log.Read().Count());
        Assert.True(MessageLogVerifier.Verify(file.Log.Read(), TestFederation.Read()).IsValid);
    }

    [Fact]
    public async Task Open_ExistingFile_ContinuesTheChain()
    {
        await using var file = new TempMessageLog();
        var before = await file.AppendAllAsync(Enumerable.Range(1, 3).Select(i => LogRecords.Unsigned($"m-{i}")));

        await file.ReopenAsync();
        var after = await file.AppendAllAsync(Enumerable.Range(4, 2).Select(i => LogRecords.Unsigned($"m-{i}")));

        Assert.Equal([4L, 5], after.Select(l => l.Sequence));
        Assert.Equal(before[^1].Hash, after[0].PreviousHash);
        var verification = MessageLogVerifier.Verify(file.Log.Read(), TestFederation.Read());
        Assert.True(verification.IsValid, verification.Failure?.ToString());
        Assert.Equal(5, verification.Records);
    }

    [Fact]
    public async Task Update_WithoutDroppingTheTrigger_IsRefused()
    {
        await using var file = new TempMessageLog();
        await file.AppendAllAsync([LogRecords.Unsigned("m-1")]);

        var thrown = Assert.Throws<SqliteException>(
            () => file.Execute("UPDATE records SET user_id = 'someone else' WHERE seq = 1"));

        Assert.Contains("the message log is append-only", thrown.Message, StringComparison.Ordinal);
        Assert.Equal("MD2004001234567", Assert.Single(file.Log.Read()).Record.UserId);
    }

    [Fact]
    public async Task Delete_WithoutDroppingATrigger_IsRefused()
    {
        await using var file = new TempMessageLog();
        await file.AppendAllAsync([LogRecords.Unsigned("m-1"), LogRecords.Unsigned("m-2")]);

        var thrown = Record.Exception(() => file.Execute("DELETE FROM records WHERE seq = 1"));

        Assert.IsType<SqliteException>(thrown);
        Assert.Equal(2, file.Log.Read().Count());
    }

    [Fact]
    public async Task AppendAsync_CommitFails_ThrowsMessageLogExceptionAndTheChainGoesOn()
    {
        await using var file = new TempMessageLog();
        await file.AppendAllAsync([LogRecords.Unsigned("m-1")]);
        file.Execute("""
            CREATE TRIGGER refuse_poison BEFORE INSERT ON records WHEN NEW.message_id = 'poison'
            BEGIN SELECT RAISE(ABORT, 'poison refused'); END;
            """);

        var thrown = await Assert.ThrowsAsync<MessageLogException>(
            () => file.Log.AppendAsync(LogRecords.Unsigned("poison")).Within());
        var next = await file.Log.AppendAsync(LogRecords.Unsigned("m-2")).Within();

        Assert.StartsWith("the message log could not commit", thrown.Message, StringComparison.Ordinal);
        Assert.IsType<SqliteException>(thrown.InnerException);
        Assert.Equal(2, next.Sequence);
        Assert.Equal(["m-1", "m-2"], file.Log.Read().Select(r => r.Record.MessageId));
        Assert.True(MessageLogVerifier.Verify(file.Log.Read(), TestFederation.Read()).IsValid);
    }

    [Fact]
    public async Task AppendAsync_RecordThatCannotBeHashed_FailsThatRecordAndTheLogGoesOn()
    {
        await using var file = new TempMessageLog();

        var bad = file.Log.AppendAsync(LogRecords.Unsigned("m-\uD800"));
        var thrown = await Record.ExceptionAsync(() => bad.WaitAsync(TimeSpan.FromSeconds(5)));
        var next = await Record.ExceptionAsync(
            () => file.Log.AppendAsync(LogRecords.Unsigned("m-2")).WaitAsync(TimeSpan.FromSeconds(5)));

        Assert.IsType<MessageLogException>(thrown);
        Assert.Null(next);
    }

    [Fact]
    public async Task AppendAsync_AfterDispose_ThrowsMessageLogException()
    {
        await using var file = new TempMessageLog();
        await file.CloseAsync();

        var thrown = await Assert.ThrowsAsync<MessageLogException>(
            () => file.Log.AppendAsync(LogRecords.Unsigned("late")).Within());

        Assert.Equal("the message log is closed", thrown.Message);
    }

    [Fact]
    public async Task SaveStamp_WhileRecordsAreAppended_IsSaved_EachProofLeadsToTheRoot_AndNoRecordIsLost()
    {
        const int stamped = 1050;
        await using var file = new TempMessageLog();
        var logged = await Task.WhenAll(Enumerable.Range(1, stamped)
            .Select(i => file.Log.AppendAsync(LogRecords.Unsigned($"m-{i}")))).Within();
        var hashes = logged.OrderBy(l => l.Sequence).Select(l => l.Hash).ToList();
        var (root, nodes) = MerkleTree.Nodes(hashes);

        var appends = Enumerable.Range(stamped + 1, 200)
            .Select(i => Task.Run(() => file.Log.AppendAsync(LogRecords.Unsigned($"m-{i}")))).ToList();
        await Task.Run(() => file.Log.SaveStamp(Stamp(file.Log.NextStampId(), 1, stamped, root), nodes)).Within();
        await Task.WhenAll(appends).Within();

        Assert.Equal(stamped + 200, file.Log.Read().Count());
        foreach (var sequence in new long[] { 1, 2, 513, stamped })
        {
            Assert.True(InclusionProof.TryDecode(file.Log.StampOf(sequence)!.Proof, out var proof));
            Assert.Equal(root, proof.RootFor(hashes[(int)sequence - 1]));
        }

        var all = SqliteMessageLog.ReadFileStamps(file.Path);
        Assert.Equal(stamped, all.Count);
        Assert.Equal(file.Log.StampOf(700)!.Proof, all[700].Proof);
        Assert.Null(file.Log.StampOf(stamped + 1));
        Assert.Equal(stamped + 1, file.Log.ReadUnstamped(1).Single().Sequence);
        var verification = MessageLogVerifier.Verify(file.Log.Read(), TestFederation.Read());
        Assert.True(verification.IsValid, verification.Failure?.ToString());
    }

    [Fact]
    public async Task SaveStamp_TreeThatDoesNotFitTheStamp_IsRefused()
    {
        await using var file = new TempMessageLog();
        var logged = await file.AppendAllAsync(Enumerable.Range(1, 4).Select(i => LogRecords.Unsigned($"m-{i}")));
        var (root, nodes) = MerkleTree.Nodes(logged.Select(l => l.Hash).ToList());

        var tooFew = Assert.Throws<MessageLogException>(() => file.Log.SaveStamp(Stamp(1, 1, 3, root), nodes));
        var otherRoot = Assert.Throws<MessageLogException>(
            () => file.Log.SaveStamp(Stamp(1, 1, 4, new byte[32]), nodes));

        Assert.Contains("does not fit", tooFew.Message, StringComparison.Ordinal);
        Assert.Contains("does not fit", otherRoot.Message, StringComparison.Ordinal);
        Assert.Null(file.Log.StampOf(1));
    }

    [Fact]
    public async Task Open_Layout4Log_KeepsItsStoredProofs_AndItsNextStampKeepsATree()
    {
        await using var file = new TempMessageLog();
        var logged = await file.AppendAllAsync(Enumerable.Range(1, 4).Select(i => LogRecords.Unsigned($"m-{i}")));
        var (firstRoot, firstPaths) = MerkleTree.Build(logged.Take(2).Select(l => l.Hash).ToList());
        await file.CloseAsync();

        // Back to layout 4 as an older gateway left it, with its stamp over records 1 and 2: a proof a record.
        static string Hex(byte[] bytes) => $"x'{Convert.ToHexString(bytes)}'";
        file.Execute("DROP TABLE stamp_trees; PRAGMA user_version = 4; " +
            $"INSERT INTO stamps VALUES (1, 1, 2, {Hex(firstRoot)}, x'3000', 'tsa-test', 0); " +
            $"INSERT INTO record_stamps VALUES (1, 1, {Hex(new InclusionProof(0, 2, firstPaths[0]).Encode())}), " +
            $"(2, 1, {Hex(new InclusionProof(1, 2, firstPaths[1]).Encode())})");
        await file.ReopenAsync();

        var (root, nodes) = MerkleTree.Nodes(logged.Skip(2).Select(l => l.Hash).ToList());
        file.Log.SaveStamp(Stamp(2, 3, 4, root), nodes);

        Assert.Equal(new InclusionProof(1, 2, firstPaths[1]).Encode(), file.Log.StampOf(2)!.Proof);
        Assert.True(InclusionProof.TryDecode(file.Log.StampOf(4)!.Proof, out var proof));
        Assert.Equal(root, proof.RootFor(logged[3].Hash));
        Assert.Equal([1L, 2, 3, 4], SqliteMessageLog.ReadFileStamps(file.Path).Keys.Order());
        Assert.All(MessageLogSearch.Search(file.Path, new RecordFilter()), r => Assert.True(r.IsStamped));
        Assert.Equal(5L, file.Pragma("user_version"));
    }

    [Fact]
    public async Task Connections_WaitForAnotherConnectionsLockInSqlitesOwnBusyHandler()
    {
        await using var file = new TempMessageLog();

        Assert.Equal(5000L, file.Pragma("busy_timeout"));
    }

    [Fact]
    public async Task SaveStamp_NotFollowingTheLastStamp_IsRefusedAndTheLogGoesOn()
    {
        await using var file = new TempMessageLog();
        await file.AppendAllAsync(Enumerable.Range(1, 10).Select(i => LogRecords.Unsigned($"m-{i}")));

        var thrown = Assert.Throws<MessageLogException>(
            () => file.Log.SaveStamp(Stamp(1, 5, 10), new byte[MerkleTree.NodeCount(6) * 32]));
        var next = await file.Log.AppendAsync(LogRecords.Unsigned("after")).Within();

        Assert.Contains("does not follow the last stamped record", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(11, next.Sequence);
        Assert.Null(file.Log.StampOf(5));
    }

    [Fact]
    public async Task Commit_RecordsHowManyRecordsEachCommitMadeDurable()
    {
        await using var file = new TempMessageLog();
        var sizes = new System.Collections.Concurrent.ConcurrentBag<int>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == SqliteMessageLog.CommitSizeInstrument)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, size, tags, _) =>
        {
            // Only this test's log: other tests' logs may commit at the same time.
            if (tags.ToArray().Any(t => t.Key == "exgw.log" && Equals(t.Value, file.Path)))
            {
                sizes.Add(size);
            }
        });
        listener.Start();

        await file.AppendAllAsync(Enumerable.Range(1, 3).Select(i => LogRecords.Unsigned($"m-{i}")));
        await Task.WhenAll(Enumerable.Range(4, 97)
            .Select(i => Task.Run(() => file.Log.AppendAsync(LogRecords.Unsigned($"m-{i}"))))).Within();

        Assert.Equal(100, sizes.Sum());
        Assert.True(sizes.Count(size => size == 1) >= 3, "each of the first three appends waited for its own commit");
        Assert.All(sizes, size => Assert.InRange(size, 1, SqliteMessageLog.MaxBatch));
    }

    [Fact]
    public async Task AppendAsync_Null_Throws()
    {
        await using var file = new TempMessageLog();

        // Thrown on the caller's thread, before any task exists.
        Assert.Throws<ArgumentNullException>(() => { _ = file.Log.AppendAsync(null!); });
    }

    [Fact]
    public void Open_FileOfAnotherLayoutVersion_IsRefused()
    {
        using var folder = new TempDirectory();
        var path = folder.File("old.db");
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false };
        using (var connection = new SqliteConnection(builder.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE records (seq INTEGER PRIMARY KEY); PRAGMA user_version = 1;";
            command.ExecuteNonQuery();
        }

        var thrown = Assert.Throws<MessageLogException>(() => SqliteMessageLog.Open(path));

        Assert.Equal("message log layout version 1 is not the version 5 this gateway writes", thrown.Message);
    }

    [Fact]
    public async Task Open_Version3Log_IsMigratedAndKeepsItsRecordsAndItsDeleteGuard()
    {
        await using var file = new TempMessageLog();
        await file.AppendAllAsync([LogRecords.Unsigned("m-1"), LogRecords.Unsigned("m-2")]);
        await file.CloseAsync();

        // Back to layout 3 as an older gateway left it: no archives table, every delete refused.
        file.Execute("DROP TRIGGER records_no_delete; DROP TRIGGER archives_no_delete; DROP TABLE archives; " +
            "CREATE TRIGGER records_no_delete BEFORE DELETE ON records " +
            "BEGIN SELECT RAISE(ABORT, 'the message log is append-only'); END; PRAGMA user_version = 3;");
        await file.ReopenAsync();

        Assert.Equal(["m-1", "m-2"], file.Log.Read().Select(r => r.Record.MessageId));
        Assert.Empty(file.Log.Archives());
        var refused = Assert.Throws<SqliteException>(() => file.Execute("DELETE FROM records WHERE seq = 1"));
        Assert.Contains("this record is not archived", refused.Message, StringComparison.Ordinal);
        Assert.True(MessageLogVerifier.Verify(file.Log.Read(), TestFederation.Read()).IsValid);
    }

    [Fact]
    public async Task Open_MissingFolder_IsCreated()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "nested", "deeper", "messages.db");

        await using (var log = SqliteMessageLog.Open(path))
        {
            await log.AppendAsync(LogRecords.Unsigned("m-1")).Within();
            Assert.Equal(path, log.Path);
        }

        Assert.True(File.Exists(path));
    }

    private static LogStamp Stamp(long id, long first, long last, byte[]? root = null) =>
        new(id, first, last, root ?? new byte[32], [0x30, 0x00], "tsa-test", DateTimeOffset.UnixEpoch);

    private static void AssertSame(LoggedRecord expected, LoggedRecord actual)
    {
        Assert.Equal(expected.Sequence, actual.Sequence);
        Assert.Equal(expected.PreviousHash, actual.PreviousHash);
        Assert.Equal(expected.Hash, actual.Hash);
        var (e, a) = (expected.Record, actual.Record);
        Assert.Equal(
            (e.MessageId, e.Side, e.Direction, e.Client, e.Service, e.Method, e.UserId, e.Issue, e.Outcome),
            (a.MessageId, a.Side, a.Direction, a.Client, a.Service, a.Method, a.UserId, a.Issue, a.Outcome));
        Assert.Equal(e.PayloadDigest, a.PayloadDigest);
        Assert.Equal(e.Payload, a.Payload);
        Assert.Equal(e.Envelope, a.Envelope);
        Assert.Equal(e.Signature, a.Signature);
        Assert.Equal(e.Proof, a.Proof);
        Assert.Equal(e.SubjectHash, a.SubjectHash);
        Assert.Equal(e.LoggedAt, a.LoggedAt);
    }
}
