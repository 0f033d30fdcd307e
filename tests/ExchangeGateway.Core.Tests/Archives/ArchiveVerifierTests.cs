using System.Text.Json.Nodes;
using ExchangeGateway.Core.Archives;
using ExchangeGateway.Core.Tests.Support;

namespace ExchangeGateway.Core.Tests.Archives;

/// <summary>The offline verifier on real archives, healthy and tampered with; each tamper names its check.</summary>
public sealed class ArchiveVerifierTests
{
    [Fact]
    public async Task Verify_HealthyArchives_SummarisesRecordsSpanAndMembers()
    {
        await using var log = new StampedLog();
        await log.AddStampedAsync(runs: 3, size: 4, payloads: true);
        var paths = log.ArchiveAll(new ArchivingPolicy { MaxRecords = 8 });

        var verification = StampedLog.Verify([.. paths]);

        Assert.True(verification.IsValid, verification.Failure?.ToString());
        Assert.Equal(2, verification.Archives);
        Assert.Equal(12, verification.Records);
        Assert.Equal(12, verification.SignedRecords);
        Assert.Equal(12, verification.Payloads);
        Assert.Equal(3, verification.Stamps);
        Assert.Equal(TestTime.Now, verification.From);
        Assert.Equal([TestFederation.ProviderMember, TestFederation.ClientMember], verification.Members);
        Assert.Equal([$"border-gw ({TestFederation.ClientMember})"], verification.Gateways);
        Assert.Empty(verification.Notes);
    }

    [Fact]
    public async Task Verify_ArchivesGivenOutOfOrder_AreOrderedByTheirRecords()
    {
        await using var log = new StampedLog();
        await log.AddStampedAsync(runs: 3, size: 2);
        var paths = log.ArchiveAll(new ArchivingPolicy { MaxRecords = 2 });

        var verification = StampedLog.Verify(paths[2], paths[0], paths[1]);

        Assert.True(verification.IsValid, verification.Failure?.ToString());
        Assert.Equal(3, verification.Archives);
    }

    [Fact]
    public async Task Verify_PayloadByteChanged_NamesThePayloadCheck()
    {
        await using var log = new StampedLog();
        await log.AddStampedAsync(runs: 1, size: 3, payloads: true);
        var path = Assert.Single(log.ArchiveAll());

        ArchiveFile.Edit(path, "payloads/000000000002.bin", bytes =>
        {
            bytes[0] ^= 1;
            return bytes;
        });

        Assert.Equal(Failure(path, 2, "m-2", "payload does not match its digest"), StampedLog.Verify(path).Failure);
    }

    [Fact]
    public async Task Verify_RecordDeleted_NamesTheGap()
    {
        await using var log = new StampedLog();
        await log.AddStampedAsync(runs: 1, size: 4);
        var path = Assert.Single(log.ArchiveAll());

        ArchiveFile.EditRecords(path, lines => lines.RemoveAt(1));

        Assert.Equal(Failure(path, 3, "m-3", "sequence jumps from 1 to 3: records are missing or out of order"),
            StampedLog.Verify(path).Failure);
    }

    [Fact]
    public async Task Verify_TwoRecordsSwapped_NamesTheOrder()
    {
        await using var log = new StampedLog();
        await log.AddStampedAsync(runs: 1, size: 4);
        var path = Assert.Single(log.ArchiveAll());

        ArchiveFile.EditRecords(path, lines => (lines[1], lines[2]) = (lines[2], lines[1]));

        Assert.Equal(Failure(path, 3, "m-3", "sequence jumps from 1 to 3: records are missing or out of order"),
            StampedLog.Verify(path).Failure);
    }

    [Fact]
    public async Task Verify_TwoRecordsSwappedWithTheirSequences_NamesThePreviousHash()
    {
        await using var log = new StampedLog();
        await log.AddStampedAsync(runs: 1, size: 4);
        var path = Assert.Single(log.ArchiveAll());

        ArchiveFile.EditRecords(path, lines =>
        {
            (lines[1], lines[2]) = (lines[2], lines[1]);
            (lines[1]["sequence"], lines[2]["sequence"]) = (2, 3);
        });

        Assert.Equal(Failure(path, 2, "m-3", "previous-hash does not match the hash of the record before it"),
            StampedLog.Verify(path).Failure);
    }

    [Fact]
    public async Task Verify_SignatureMovedToAnotherRecord_NamesTheSignatureCheck()
    {
        await using var log = new StampedLog();
        await log.AddStampedAsync(runs: 1, size: 2);
        await log.AddStampedAsync(runs: 1, size: 2);
        var path = Assert.Single(log.ArchiveAll());

        // Record 4's signature and batch proof, from another batch, onto record 2.
        ArchiveFile.EditRecords(path, lines =>
        {
            lines[1]["signature"] = lines[3]["signature"]!.DeepClone();
            lines[1]["proof"] = lines[3]["proof"]!.DeepClone();
        });

        var failure = Assert.IsType<ArchiveFailure>(StampedLog.Verify(path).Failure);
        Assert.Equal((2L, "m-2"), (failure.Sequence, failure.MessageId));
        Assert.StartsWith("signature: signature does not verify over the content", failure.Check,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_TimestampTokenReplaced_NamesTheTokenFile()
    {
        await using var log = new StampedLog();
        await log.AddStampedAsync(runs: 2, size: 2);
        var path = Assert.Single(log.ArchiveAll());

        var other = ArchiveFile.Read(path, "stamps/000000002.tsr");
        ArchiveFile.Edit(path, "stamps/000000001.tsr", _ => other);

        Assert.Equal(Failure(path, null, null, "stamps/000000001.tsr differs from its digest in the manifest"),
            StampedLog.Verify(path).Failure);
    }

    [Fact]
    public async Task Verify_TokenOverAnotherRootWithItsDigest_FailsAtTheManifestSignature()
    {
        await using var log = new StampedLog();
        await log.AddStampedAsync(runs: 2, size: 2);
        var path = Assert.Single(log.ArchiveAll());
        var other = ArchiveFile.Read(path, "stamps/000000002.tsr");
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(other));

        ArchiveFile.Edit(path, "stamps/000000001.tsr", _ => other);
        ArchiveFile.Edit(path, "manifest.json", bytes =>
        {
            var manifest = JsonNode.Parse(bytes)!;
            manifest["files"]!["stamps/000000001.tsr"] = digest;
            return System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString());
        });

        var failure = Assert.IsType<ArchiveFailure>(StampedLog.Verify(path).Failure);
        Assert.StartsWith("manifest signature: signature does not verify over the content", failure.Check,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_RecordSignedOutsideTheFederation_NamesTheCertificateCheck()
    {
        await using var log = new StampedLog();
        await log.AddAsync(2);
        await log.AddAsync(LogRecords.SignedRequest("foreign", TestCertificates.ForeignSigning));
        log.Stamp();
        var path = Assert.Single(log.ArchiveAll());

        var failure = Assert.IsType<ArchiveFailure>(StampedLog.Verify(path).Failure);

        Assert.Equal((3L, "foreign"), (failure.Sequence, failure.MessageId));
        Assert.StartsWith("signature: ", failure.Check, StringComparison.Ordinal);
        Assert.Contains("CN=Foreign signing", failure.Check, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ArchiveDroppedFromTheMiddle_NamesTheBrokenLink()
    {
        await using var log = new StampedLog();
        await log.AddStampedAsync(runs: 3, size: 2);
        var paths = log.ArchiveAll(new ArchivingPolicy { MaxRecords = 2 });

        var failure = Assert.IsType<ArchiveFailure>(StampedLog.Verify(paths[0], paths[2]).Failure);

        Assert.Equal(Path.GetFileName(paths[2]), failure.Archive);
        Assert.Null(failure.Sequence);
        Assert.StartsWith($"links to {Path.GetFileName(paths[1])} (sha256 ", failure.Check, StringComparison.Ordinal);
        Assert.EndsWith("an archive is missing from the chain or was replaced", failure.Check,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_FirstArchivesNotGiven_VerifiesTheRestAndSaysWhereTheChainBegins()
    {
        await using var log = new StampedLog();
        await log.AddStampedAsync(runs: 3, size: 2);
        var paths = log.ArchiveAll(new ArchivingPolicy { MaxRecords = 2 });

        var verification = StampedLog.Verify(paths[1], paths[2]);

        Assert.True(verification.IsValid, verification.Failure?.ToString());
        var note = Assert.Single(verification.Notes);
        Assert.StartsWith("the chain of border-gw begins at record 3 in ", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_TruncatedArchive_SaysSo()
    {
        await using var log = new StampedLog();
        await log.AddStampedAsync(runs: 1, size: 3);
        var path = Assert.Single(log.ArchiveAll());

        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var failure = Assert.IsType<ArchiveFailure>(StampedLog.Verify(path).Failure);
        Assert.Equal(Path.GetFileName(path), failure.Archive);
        Assert.StartsWith("is not a readable ZIP file (truncated or damaged?)", failure.Check,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("records.jsonl")]
    [InlineData("federation.json")]
    [InlineData("manifest.json")]
    public async Task Verify_ByteOfTheFileDamaged_NamesTheDamagedEntry_NotWhatItsBytesBreak(string entry)
    {
        await using var log = new StampedLog();
        await log.AddStampedAsync(runs: 1, size: 8, payloads: true);
        var path = Assert.Single(log.ArchiveAll());

        ArchiveFile.Damage(path, entry);

        var failure = Assert.IsType<ArchiveFailure>(StampedLog.Verify(path).Failure);
        Assert.Null(failure.Sequence);
        Assert.Matches($"^the file is damaged: {entry.Replace(".", "\\.", StringComparison.Ordinal)} does not " +
            "(match the CRC-32 the ZIP file records for it \\(recorded [0-9a-f]{8}, read [0-9a-f]{8}\\)|decompress)" +
            ".*; copy it again from where it is kept, for no check of a damaged file can be trusted " +
            "\\(the first to fail on it: .+\\)$", failure.Check);
    }

    [Fact]
    public async Task Verify_FederationSignedByAnotherAnchor_IsRefused()
    {
        await using var log = new StampedLog();
        await log.AddStampedAsync(runs: 1, size: 1);
        var path = Assert.Single(log.ArchiveAll());

        var verification = ArchiveVerifier.Verify([path], [TestCertificates.FederationCa]);

        var failure = Assert.IsType<ArchiveFailure>(verification.Failure);
        Assert.StartsWith("federation.json is refused: configuration is signed by", failure.Check,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_SameArchiveTwice_SaysSo()
    {
        await using var log = new StampedLog();
        await log.AddStampedAsync(runs: 1, size: 1);
        var path = Assert.Single(log.ArchiveAll());
        var copy = path + ".copy.zip";
        File.Copy(path, copy);

        var failure = Assert.IsType<ArchiveFailure>(StampedLog.Verify(path, copy).Failure);

        Assert.Equal($"is given twice (the same file as {path})", failure.Check);
    }

    [Fact]
    public async Task Verify_RecordFieldEdited_NamesTheRecordHash()
    {
        await using var log = new StampedLog();
        await log.AddStampedAsync(runs: 1, size: 3);
        var path = Assert.Single(log.ArchiveAll());

        ArchiveFile.EditRecords(path, lines => lines[2]["outcome"] = "PERMISSION_DENIED ACCESS_DENIED");

        Assert.Equal(Failure(path, 3, "m-3", "record hash does not match its fields"),
            StampedLog.Verify(path).Failure);
    }

    [Fact]
    public async Task Verify_LastRecordRemovedWithItsStampRun_NamesTheStampCoverage()
    {
        await using var log = new StampedLog();
        await log.AddStampedAsync(runs: 1, size: 3);
        var path = Assert.Single(log.ArchiveAll());

        ArchiveFile.EditRecords(path, lines => lines.RemoveAt(2));

        Assert.Equal(Failure(path, null, null, "stamp 1 covers records 1-3, but the archive holds 2 of them"),
            StampedLog.Verify(path).Failure);
    }

    [Fact]
    public async Task Verify_UnlistedFileAdded_IsNamed()
    {
        await using var log = new StampedLog();
        await log.AddStampedAsync(runs: 1, size: 1);
        var path = Assert.Single(log.ArchiveAll());

        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update))
        {
            zip.CreateEntry("extra.txt");
        }

        Assert.Equal(Failure(path, null, null, "holds extra.txt, which the manifest does not list"),
            StampedLog.Verify(path).Failure);
    }

    private static ArchiveFailure Failure(string path, long? sequence, string? messageId, string check) =>
        new(Path.GetFileName(path), sequence, messageId, check);
}
