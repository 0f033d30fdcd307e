using ExchangeGateway.Core.Archives;
using ExchangeGateway.Core.Merkle;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Core.Tests.Support;
using ExchangeGateway.Core.Tests.Timestamping;
using Microsoft.Extensions.Time.Testing;

namespace ExchangeGateway.Core.Tests.Archives;

/// <summary>
/// A consumer gateway's message log (border-gw) with batch-signed records, time-stamped by real RFC 3161 tokens of
/// the test TSA, and an archiver of it into a folder of its own.
/// </summary>
internal sealed class StampedLog : IAsyncDisposable
{
    private readonly TempDirectory _archives = new();
    private int _next = 1;

    public TempMessageLog File { get; } = new();

    public SqliteMessageLog Log => File.Log;

    public FakeTimeProvider Time { get; } = new(TestTime.Now);

    public string ArchiveDirectory => _archives.Path;

    /// <summary>Appends <paramref name="count"/> requests signed in one batch, with payloads when asked.</summary>
    public async Task<IReadOnlyList<string>> AddAsync(int count, bool payloads = false)
    {
        var ids = Enumerable.Range(_next, count).Select(i => $"m-{i}").ToList();
        _next += count;
        var records = await LogRecords.SignInBatchAsync(
            ids.Select(id => LogRecords.Unsigned(id, payloads) with { LoggedAt = Time.GetUtcNow() }),
            TestCertificates.ClientSigning);
        await Task.WhenAll(records.Select(Log.AppendAsync)).Within();
        return ids;
    }

    /// <summary>Appends one record as it is, signed or not.</summary>
    public Task AddAsync(MessageRecord record) => Log.AppendAsync(record with { LoggedAt = Time.GetUtcNow() });

    /// <summary>Stamps every unstamped record with one token, as the gateway's time-stamper does.</summary>
    public void Stamp()
    {
        var records = Log.ReadUnstamped(int.MaxValue);
        var (root, nodes) = MerkleTree.Nodes(records.Select(r => r.Hash).ToList());
        var token = TestTokens.Create(root, TestCertificates.TimestampingSigning, Time.GetUtcNow());
        var stamp = new LogStamp(Log.NextStampId(), records[0].Sequence, records[^1].Sequence, root, token, "tsa-1",
            Time.GetUtcNow());
        Log.SaveStamp(stamp, nodes);
    }

    /// <summary>Stamps every unstamped record with one token as a gateway of layout 4 did: a proof a record, kept in
    /// a row of its own, and no tree.</summary>
    public void StampAsLayout4()
    {
        var records = Log.ReadUnstamped(int.MaxValue);
        var (root, paths) = MerkleTree.Build(records.Select(r => r.Hash).ToList());
        var token = TestTokens.Create(root, TestCertificates.TimestampingSigning, Time.GetUtcNow());
        var id = Log.NextStampId();
        File.Execute("INSERT INTO stamps VALUES ($id, $first, $last, $root, $token, 'tsa-1', $at)",
            ("$id", id), ("$first", records[0].Sequence), ("$last", records[^1].Sequence), ("$root", root),
            ("$token", token), ("$at", RecordHash.ToMicros(Time.GetUtcNow())));
        for (var i = 0; i < records.Count; i++)
        {
            File.Execute("INSERT INTO record_stamps VALUES ($seq, $id, $proof)", ("$seq", records[i].Sequence),
                ("$id", id), ("$proof", new InclusionProof(i, records.Count, paths[i]).Encode()));
        }
    }

    /// <summary>Adds and stamps <paramref name="runs"/> runs of <paramref name="size"/> records.</summary>
    public async Task AddStampedAsync(int runs, int size, bool payloads = false)
    {
        for (var i = 0; i < runs; i++)
        {
            await AddAsync(size, payloads);
            Stamp();
        }
    }

    public LogArchiver Archiver(ArchivingPolicy? policy = null) => new(
        Log, ArchiveDirectory, "border-gw", TestFederation.ClientMember,
        new MessageSigner(TestCertificates.ClientSigning), Federation, policy ?? new ArchivingPolicy(), Time);

    /// <summary>Archives everything stamped and returns the files' paths.</summary>
    public List<string> ArchiveAll(ArchivingPolicy? policy = null) =>
        Archiver(policy).Archive(closedPeriodsOnly: false).Select(a => Path.Combine(ArchiveDirectory, a.Name))
            .ToList();

    public static SignedFederation Federation()
    {
        var (bytes, signature) = TestFederation.Sign(TestFederation.Document());
        return new SignedFederation(bytes, signature, TestFederation.Read());
    }

    public static ArchiveVerification Verify(params string[] paths) =>
        ArchiveVerifier.Verify(paths, TestFederation.Anchors);

    public async ValueTask DisposeAsync()
    {
        await File.DisposeAsync();
        _archives.Dispose();
    }
}
