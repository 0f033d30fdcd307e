using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ExchangeGateway.Core.MessageLog;

namespace ExchangeGateway.Core.Archives;

/// <summary>
/// Writes one archive: a ZIP file that holds, in this order, the signed federation configuration, the
/// federation's CA certificates, the time-stamp tokens (<c>stamps/ID.tsr</c>) and their runs (<c>stamps.jsonl</c>),
/// the logged payloads (<c>payloads/SEQUENCE.bin</c>), the records (<c>records.jsonl</c>), <c>VERIFY.txt</c>, and
/// last the manifest with the member's detached CMS signature over it.
/// </summary>
/// <remarks>
/// Everything streams: records are read from the log twice (payloads first, then lines) and never held together;
/// a payload goes from the database to the file in pieces.
/// </remarks>
internal static class ArchiveWriter
{
    public const string ManifestName = "manifest.json";
    public const string ManifestSignatureName = "manifest.json.p7s";
    public const string FederationName = "federation.json";
    public const string FederationSignatureName = "federation.json.p7s";
    public const string CertificatesName = "certificates.pem";
    public const string StampsName = "stamps.jsonl";
    public const string RecordsName = "records.jsonl";
    public const string VerifyName = "VERIFY.txt";

    private static readonly byte[] NewLine = "\n"u8.ToArray();

    /// <summary>Writes the archive to <paramref name="output"/> and returns its manifest.</summary>
    public static ArchiveManifest Write(Stream output, ArchiveContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Stamps.Count == 0)
        {
            throw new ArgumentException("an archive holds at least one stamp", nameof(content));
        }

        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Add(zip, files, FederationName, content.Federation.Document);
        Add(zip, files, FederationSignatureName, content.Federation.Signature);
        var pem = string.Concat(content.Authorities.Select(a => a.ExportCertificatePem() + "\n"));
        Add(zip, files, CertificatesName, Encoding.UTF8.GetBytes(pem));
        WriteStamps(zip, files, content.Stamps);
        var payloads = WritePayloads(zip, content);
        var summary = WriteRecords(zip, files, content);
        Add(zip, files, VerifyName, Encoding.UTF8.GetBytes(VerifyText.Render(content.Gateway)));
        var manifest = new ArchiveManifest
        {
            Format = ArchiveManifest.CurrentFormat,
            Gateway = content.Gateway,
            Member = content.Member,
            Number = content.Number,
            FirstSequence = content.Stamps[0].FirstSequence,
            LastSequence = content.Stamps[^1].LastSequence,
            Records = summary.Records,
            Payloads = payloads,
            Stamps = content.Stamps.Count,
            FirstLoggedAt = summary.FirstLoggedAt,
            LastLoggedAt = summary.LastLoggedAt,
            PreviousHash = Convert.ToHexStringLower(summary.PreviousHash),
            LastHash = Convert.ToHexStringLower(summary.LastHash),
            Previous = content.Previous,
            CreatedAt = content.CreatedAt,
            Files = files,
        };
        var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, ArchiveJson.Manifest);
        Add(zip, null, ManifestName, manifestBytes);
        Add(zip, null, ManifestSignatureName, content.Signer.Sign(manifestBytes));
        return manifest;
    }

    private static void WriteStamps(ZipArchive zip, Dictionary<string, string> files, IReadOnlyList<LogStamp> stamps)
    {
        foreach (var stamp in stamps)
        {
            Add(zip, files, StampLine.TokenName(stamp.Id), stamp.Token);
        }

        using var entry = new HashingStream(zip.CreateEntry(StampsName, CompressionLevel.Optimal).Open());
        foreach (var stamp in stamps)
        {
            JsonSerializer.Serialize(entry, StampLine.From(stamp), ArchiveJson.Lines);
            entry.Write(NewLine);
        }

        files[StampsName] = Convert.ToHexStringLower(entry.Digest());
    }

    private static long WritePayloads(ZipArchive zip, ArchiveContent content)
    {
        long count = 0;
        foreach (var (logged, hasPayload, _, _) in content.Records())
        {
            if (!hasPayload)
            {
                continue;
            }

            using var payload = content.OpenPayload(logged.Sequence)
                ?? throw new MessageLogException($"the payload of record {logged.Sequence} cannot be read");
            using var entry = zip.CreateEntry(RecordLine.PayloadName(logged.Sequence), CompressionLevel.Fastest)
                .Open();
            payload.CopyTo(entry);
            count++;
        }

        return count;
    }

    private static RecordsSummary WriteRecords(ZipArchive zip, Dictionary<string, string> files, ArchiveContent content)
    {
        var stamps = content.Stamps.ToDictionary(s => s.Id);
        var summary = new RecordsSummary();
        using (var entry = new HashingStream(zip.CreateEntry(RecordsName, CompressionLevel.Optimal).Open()))
        {
            foreach (var (logged, hasPayload, stampId, proof) in content.Records())
            {
                if (!stamps.TryGetValue(stampId, out var stamp) || proof is null)
                {
                    throw new MessageLogException(
                        $"record {logged.Sequence} is not covered by the archive's time-stamps");
                }

                summary.Add(logged);
                var line = RecordLine.From(logged, hasPayload, new RecordStamp(stamp, proof));
                JsonSerializer.Serialize(entry, line, ArchiveJson.Lines);
                entry.Write(NewLine);
            }

            files[RecordsName] = Convert.ToHexStringLower(entry.Digest());
        }

        var expected = content.Stamps[^1].LastSequence - content.Stamps[0].FirstSequence + 1;
        if (summary.Records != expected)
        {
            throw new MessageLogException(
                $"the log holds {summary.Records} of the {expected} records its time-stamps cover");
        }

        return summary;
    }

    private static void Add(ZipArchive zip, Dictionary<string, string>? files, string name, byte[] bytes)
    {
        using (var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open())
        {
            entry.Write(bytes);
        }

        if (files is not null)
        {
            files[name] = Convert.ToHexStringLower(SHA256.HashData(bytes));
        }
    }

    private sealed class RecordsSummary
    {
        public long Records { get; private set; }

        public DateTimeOffset FirstLoggedAt { get; private set; }

        public DateTimeOffset LastLoggedAt { get; private set; }

        public byte[] PreviousHash { get; private set; } = [];

        public byte[] LastHash { get; private set; } = [];

        public void Add(LoggedRecord logged)
        {
            if (Records == 0)
            {
                FirstLoggedAt = logged.Record.LoggedAt;
                PreviousHash = logged.PreviousHash;
            }

            Records++;
            LastLoggedAt = logged.Record.LoggedAt;
            LastHash = logged.Hash;
        }
    }
}
