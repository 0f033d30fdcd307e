using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using ExchangeGateway.Core.Federation;
using ExchangeGateway.Core.Identifiers;
using ExchangeGateway.Core.Merkle;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Core.Timestamping;

namespace ExchangeGateway.Core.Archives;

/// <summary>
/// Checks one archive, streaming its records.
/// </summary>
/// <remarks>
/// In order: (1) the federation configuration inside is signed by the anchor; (2) the manifest is signed by a
/// registered signing certificate of the gateway's member; (3) every file has the digest the manifest gives and no
/// file is unlisted; (4) every time-stamp token verifies over its root against the federation's TSAs. Then per
/// record: (5) its sequence and previous-hash continue the chain; (6) its payload, when held, matches its digest;
/// (7) its envelope agrees with it; (8) its signature verifies, by a certificate valid at the time-stamped time and
/// registered to the member that must sign; (9) its hash matches its fields; (10) its proof leads to its stamp's
/// root, and each stamp covers exactly its run. Last (11) the counts, the last hash and the records file's digest
/// match the manifest.
/// </remarks>
internal sealed class ArchiveCheck(
    ArchiveHeader archive, X509Certificate2Collection anchors, ArchiveTally tally, IProgress<ArchiveProgress>? progress)
{
    private const int ProgressEvery = 1000;

    private readonly ArchiveManifest _manifest = archive.Manifest;
    private readonly Dictionary<long, VerifiedStamp> _stamps = [];
    private FederationConfiguration _federation = null!;
    private long _sequence;
    private byte[] _hash = [];
    private long _payloads;
    private long _records;
    private VerifiedStamp? _run;
    private readonly List<byte[]> _runHashes = [];

    public ArchiveFailure? Run(long startSequence, string startHash)
    {
        _sequence = startSequence;
        try
        {
            _hash = Convert.FromHexString(startHash);
            using var zip = ZipFile.OpenRead(archive.Path);
            CheckFederation(zip);
            CheckManifestSignature(zip);
            CheckFiles(zip);
            CheckStamps(zip);
            CheckRecords(zip);
            CheckTotals(zip);
            return null;
        }
        catch (CheckFailed failed)
        {
            return new ArchiveFailure(archive.Name, failed.Sequence, failed.MessageId, failed.Message);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException)
        {
            return new ArchiveFailure(archive.Name, _sequence == startSequence ? null : _sequence, null,
                $"cannot be read after record {_sequence}: {ex.Message}");
        }
    }

    private void CheckFederation(ZipArchive zip)
    {
        // (1) The configuration in force when the archive was written, as the anchor signed it.
        var document = ReadAll(zip, ArchiveWriter.FederationName);
        var signature = ReadAll(zip, ArchiveWriter.FederationSignatureName);
        if (!FederationConfigurationReader.TryRead(
                document, signature, anchors, _manifest.CreatedAt, out var federation, out var errors))
        {
            throw new CheckFailed($"federation.json is refused: {string.Join("; ", errors)}");
        }

        _federation = federation;
    }

    private void CheckManifestSignature(ZipArchive zip)
    {
        // (2)
        var manifest = ReadAll(zip, ArchiveWriter.ManifestName);
        var signature = ReadAll(zip, ArchiveWriter.ManifestSignatureName);
        var check = SignatureVerifier.Verify(manifest, signature, _federation.Authorities, _manifest.CreatedAt);
        if (!check.IsValid)
        {
            throw new CheckFailed($"manifest signature: {check.Failure}");
        }

        if (!MemberId.TryParse(_manifest.Member, out var member, out _)
            || _federation.MemberBySigningCertificate(check.Signer) != member)
        {
            throw new CheckFailed(
                $"manifest is signed by '{check.Signer.Subject}', not a registered signing certificate of " +
                _manifest.Member);
        }

        if (!_federation.Gateways.Any(g => g.Name == _manifest.Gateway && g.Owner == member))
        {
            throw new CheckFailed($"the federation has no gateway {_manifest.Gateway} of {_manifest.Member}");
        }
    }

    private void CheckFiles(ZipArchive zip)
    {
        // (3) Records are hashed as they stream by, in (11).
        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName;
            if (name is ArchiveWriter.ManifestName or ArchiveWriter.ManifestSignatureName
                || name.StartsWith("payloads/", StringComparison.Ordinal))
            {
                continue;
            }

            if (!_manifest.Files.TryGetValue(name, out var expected))
            {
                throw new CheckFailed($"holds {name}, which the manifest does not list");
            }

            if (name == ArchiveWriter.RecordsName)
            {
                continue;
            }

            using var stream = entry.Open();
            if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(stream)), expected, StringComparison.Ordinal))
            {
                throw new CheckFailed($"{name} differs from its digest in the manifest");
            }
        }

        var missing = _manifest.Files.Keys.FirstOrDefault(name => zip.GetEntry(name) is null);
        if (missing is not null)
        {
            throw new CheckFailed($"{missing} is listed in the manifest but missing");
        }
    }

    private void CheckStamps(ZipArchive zip)
    {
        // (4)
        using var reader = new StreamReader(Open(zip, ArchiveWriter.StampsName), Encoding.UTF8);
        while (reader.ReadLine() is { } text)
        {
            var line = Parse<StampLine>(text, ArchiveWriter.StampsName);
            var root = Convert.FromHexString(line.Root);
            var token = ReadAll(zip, line.Token);
            var check = TimestampVerifier.Verify(token, root, _federation);
            if (!check.IsValid)
            {
                throw new CheckFailed(line.FirstSequence, null, $"stamp {line.Id}: token: {check}");
            }

            _stamps[line.Id] = new VerifiedStamp(line.Id, line.FirstSequence, line.LastSequence, root,
                check.Token!.Time);
        }

        tally.Stamps += _stamps.Count;
    }

    private void CheckRecords(ZipArchive zip)
    {
        var entry = zip.GetEntry(ArchiveWriter.RecordsName) ?? throw new CheckFailed("records.jsonl is missing");
        using var hashing = new HashingStream(entry.Open());
        using (var reader = new StreamReader(hashing, Encoding.UTF8, false, 1 << 16, leaveOpen: true))
        {
            while (reader.ReadLine() is { } text)
            {
                CheckRecord(zip, Parse<RecordLine>(text, ArchiveWriter.RecordsName));
            }
        }

        EndRun();
        if (!string.Equals(Convert.ToHexStringLower(hashing.Digest()), _manifest.Files[ArchiveWriter.RecordsName],
                StringComparison.Ordinal))
        {
            throw new CheckFailed("records.jsonl differs from its digest in the manifest");
        }
    }

    private void CheckRecord(ZipArchive zip, RecordLine line)
    {
        var logged = line.ToLogged();
        var record = logged.Record;
        var at = (logged.Sequence, record.MessageId);

        // (5)
        if (logged.Sequence != _sequence + 1)
        {
            throw new CheckFailed(at, $"sequence jumps from {_sequence} to {logged.Sequence}: records are missing " +
                "or out of order");
        }

        if (!logged.PreviousHash.AsSpan().SequenceEqual(_hash))
        {
            throw new CheckFailed(at, "previous-hash does not match the hash of the record before it");
        }

        // (6)
        var payloadHash = line.Payload ? HashPayload(zip, logged.Sequence, at) : [];
        if (line.Payload && !payloadHash.AsSpan().SequenceEqual(record.PayloadDigest))
        {
            throw new CheckFailed(at, "payload does not match its digest");
        }

        // (7) and (8)
        var stamp = StampOf(line, at);
        var envelopeFailure = MessageLogVerifier.CheckEnvelope(record, out var envelope);
        var signatureFailure = envelopeFailure ?? (envelope is null
            ? null
            : MessageLogVerifier.CheckSignature(record, envelope, _federation, stamp.Time));
        if (signatureFailure is not null)
        {
            var when = envelopeFailure is null ? $" (at the time-stamped time {stamp.Time:O})" : "";
            throw new CheckFailed(at, signatureFailure + when);
        }

        // (9)
        var hash = RecordHash.Compute(logged.Sequence, record, payloadHash, logged.PreviousHash);
        if (!hash.AsSpan().SequenceEqual(logged.Hash))
        {
            throw new CheckFailed(at, "record hash does not match its fields");
        }

        // (10)
        if (!InclusionProof.TryDecode(line.StampProof, out var proof)
            || proof.RootFor(hash) is not { } root || !root.AsSpan().SequenceEqual(stamp.Root))
        {
            throw new CheckFailed(at, $"time-stamp proof does not lead from the record hash to the root of stamp " +
                $"{stamp.Id}");
        }

        AddToRun(stamp, hash, at);
        Count(logged);
    }

    private VerifiedStamp StampOf(RecordLine line, (long, string) at)
    {
        if (!_stamps.TryGetValue(line.Stamp, out var stamp)
            || line.Sequence < stamp.FirstSequence || line.Sequence > stamp.LastSequence)
        {
            throw new CheckFailed(at, $"names stamp {line.Stamp}, which does not cover it");
        }

        return stamp;
    }

    private void AddToRun(VerifiedStamp stamp, byte[] hash, (long Sequence, string MessageId) at)
    {
        if (_run?.Id != stamp.Id)
        {
            EndRun();
            if (at.Sequence != stamp.FirstSequence)
            {
                throw new CheckFailed(at, $"stamp {stamp.Id} begins at record {stamp.FirstSequence}, not here");
            }

            _run = stamp;
        }

        _runHashes.Add(hash);
    }

    private void EndRun()
    {
        if (_run is null)
        {
            return;
        }

        var count = _run.LastSequence - _run.FirstSequence + 1;
        if (_runHashes.Count != count || !MerkleTree.Root(_runHashes).AsSpan().SequenceEqual(_run.Root))
        {
            throw new CheckFailed(
                $"stamp {_run.Id} covers records {_run.FirstSequence}-{_run.LastSequence}, but the archive holds " +
                $"{_runHashes.Count} of them");
        }

        _run = null;
        _runHashes.Clear();
    }

    private byte[] HashPayload(ZipArchive zip, long sequence, (long, string) at)
    {
        var entry = zip.GetEntry(RecordLine.PayloadName(sequence))
            ?? throw new CheckFailed(at, $"its payload {RecordLine.PayloadName(sequence)} is missing");
        using var stream = entry.Open();
        _payloads++;
        return SHA256.HashData(stream);
    }

    private void Count(LoggedRecord logged)
    {
        var record = logged.Record;
        _sequence = logged.Sequence;
        _hash = logged.Hash;
        _records++;
        tally.Records++;
        tally.Signed += record.Signature is null ? 0 : 1;
        tally.From = tally.From is { } from && from <= record.LoggedAt ? from : record.LoggedAt;
        tally.To = tally.To is { } to && to >= record.LoggedAt ? to : record.LoggedAt;
        if (SubsystemId.TryParse(record.Client, out var client, out _))
        {
            tally.Members.Add(client.Member.ToString());
        }

        if (ServiceId.TryParse(record.Service, out var service, out _))
        {
            tally.Members.Add(service.Subsystem.Member.ToString());
        }

        if (tally.Records % ProgressEvery == 0)
        {
            progress?.Report(new ArchiveProgress(tally.Records, tally.Total));
        }
    }

    private void CheckTotals(ZipArchive zip)
    {
        // (11)
        var payloadFiles = zip.Entries.Count(e => e.FullName.StartsWith("payloads/", StringComparison.Ordinal));
        if (_records != _manifest.Records || _sequence != _manifest.LastSequence
            || !string.Equals(Convert.ToHexStringLower(_hash), _manifest.LastHash, StringComparison.Ordinal))
        {
            throw new CheckFailed($"holds records up to {_sequence} ({_records} in all), but the manifest says " +
                $"{_manifest.FirstSequence}-{_manifest.LastSequence} ({_manifest.Records}) ending in another hash");
        }

        if (_payloads != _manifest.Payloads || payloadFiles != _payloads || _stamps.Count != _manifest.Stamps)
        {
            throw new CheckFailed($"holds {payloadFiles} payload files and {_stamps.Count} stamps; its records " +
                $"name {_payloads} payloads, and the manifest {_manifest.Payloads} and {_manifest.Stamps}");
        }

        tally.Payloads += _payloads;
        progress?.Report(new ArchiveProgress(tally.Records, tally.Total));
    }

    private static T Parse<T>(string text, string file)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text, ArchiveJson.Lines)
                ?? throw new CheckFailed($"{file} has an empty line");
        }
        catch (JsonException ex)
        {
            throw new CheckFailed($"{file} has a malformed line: {ex.Message}");
        }
    }

    private static Stream Open(ZipArchive zip, string name) =>
        (zip.GetEntry(name) ?? throw new CheckFailed($"{name} is missing")).Open();

    private static byte[] ReadAll(ZipArchive zip, string name)
    {
        using var stream = Open(zip, name);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private sealed record VerifiedStamp(
        long Id, long FirstSequence, long LastSequence, byte[] Root, DateTimeOffset Time);

    private sealed class CheckFailed : Exception
    {
        public CheckFailed(string check)
            : base(check)
        {
        }

        public CheckFailed(long? sequence, string? messageId, string check)
            : base(check)
        {
            Sequence = sequence;
            MessageId = messageId;
        }

        public CheckFailed((long Sequence, string MessageId) at, string check)
            : this(at.Sequence, at.MessageId, check)
        {
        }

        public CheckFailed()
        {
        }

        public CheckFailed(string message, Exception innerException)
            : base(message, innerException)
        {
        }

        public long? Sequence { get; }

        public string? MessageId { get; }
    }
}
