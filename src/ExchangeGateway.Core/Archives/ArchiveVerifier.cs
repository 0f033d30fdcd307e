using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace ExchangeGateway.Core.Archives;

/// <summary>
/// Verifies archives offline, with nothing but the files and the federation's trust anchor.
/// </summary>
/// <remarks>
/// (1) Every file opens as a complete ZIP with a manifest of the current format. (2) Archives are grouped by gateway
/// and ordered by their first record; each one after the first must link to the SHA-256 of the file before it.
/// (3) Each archive is then checked on its own (<see cref="ArchiveCheck"/>), its records continuing the chain of the
/// archive before. The first failure stops everything and names the archive, the record and the check; when the
/// archive's file is itself damaged (an entry fails its CRC-32), that is named instead (<see cref="ZipDamage"/>).
/// </remarks>
public static class ArchiveVerifier
{
    /// <summary>Verifies the archives at <paramref name="paths"/> against the configuration anchor(s).</summary>
    public static ArchiveVerification Verify(
        IReadOnlyList<string> paths, X509Certificate2Collection anchors, IProgress<ArchiveProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(anchors);
        var tally = new ArchiveTally();
        var headers = new List<ArchiveHeader>();
        foreach (var path in paths)
        {
            var (header, failure) = ArchiveHeader.Read(path);
            if (failure is not null)
            {
                return tally.Result(failure);
            }

            var twin = headers.FirstOrDefault(h => h.Sha256 == header!.Sha256);
            if (twin is not null)
            {
                return tally.Result(new ArchiveFailure(header!.Name, null, null,
                    $"is given twice (the same file as {twin.Path})"));
            }

            headers.Add(header!);
        }

        tally.Total = headers.Sum(h => h.Manifest.Records);
        foreach (var chain in headers.GroupBy(h => (h.Manifest.Member, h.Manifest.Gateway)).OrderBy(g => g.Key))
        {
            tally.Gateways.Add($"{chain.Key.Gateway} ({chain.Key.Member})");
            var failure = VerifyChain(chain.OrderBy(h => h.Manifest.FirstSequence).ToList(), anchors, tally, progress);
            if (failure is not null)
            {
                return tally.Result(failure);
            }
        }

        return tally.Result(null);
    }

    private static ArchiveFailure? VerifyChain(
        List<ArchiveHeader> chain, X509Certificate2Collection anchors, ArchiveTally tally,
        IProgress<ArchiveProgress>? progress)
    {
        ArchiveHeader? before = null;
        foreach (var archive in chain)
        {
            var manifest = archive.Manifest;
            var failure = before is null ? CheckStart(archive, tally) : CheckLink(before, archive);
            if (failure is not null)
            {
                return ZipDamage.Explain(failure, archive.Path);
            }

            var start = before is null
                ? (Sequence: manifest.FirstSequence - 1, Hash: manifest.PreviousHash)
                : (Sequence: before.Manifest.LastSequence, Hash: before.Manifest.LastHash);
            failure = new ArchiveCheck(archive, anchors, tally, progress).Run(start.Sequence, start.Hash);
            if (failure is not null)
            {
                return ZipDamage.Explain(failure, archive.Path);
            }

            tally.Archives++;
            before = archive;
        }

        return null;
    }

    private static ArchiveFailure? CheckStart(ArchiveHeader archive, ArchiveTally tally)
    {
        var manifest = archive.Manifest;
        if (manifest.Previous is null)
        {
            return manifest.FirstSequence == 1 && manifest.PreviousHash == new string('0', 64)
                ? null
                : new ArchiveFailure(archive.Name, null, null,
                    $"starts at record {manifest.FirstSequence} but links to no archive before it");
        }

        tally.Notes.Add($"the chain of {manifest.Gateway} begins at record {manifest.FirstSequence} in " +
            $"{archive.Name}; the archive before it, {manifest.Previous.Name}, was not given");
        return null;
    }

    private static ArchiveFailure? CheckLink(ArchiveHeader before, ArchiveHeader archive)
    {
        var link = archive.Manifest.Previous;
        if (link is not null && string.Equals(link.Sha256, before.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var named = link is null ? "no archive" : $"{link.Name} (sha256 {link.Sha256[..16]}...)";
        return new ArchiveFailure(archive.Name, null, null,
            $"links to {named}, but the archive before it here is {before.Name} (sha256 {before.Sha256[..16]}...): " +
            "an archive is missing from the chain or was replaced");
    }
}

/// <summary>An archive's file name, whole-file digest and manifest, read before anything else.</summary>
internal sealed record ArchiveHeader(string Path, string Name, string Sha256, ArchiveManifest Manifest)
{
    public static (ArchiveHeader? Header, ArchiveFailure? Failure) Read(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        try
        {
            string sha256;
            using (var file = File.OpenRead(path))
            {
                sha256 = Convert.ToHexStringLower(SHA256.HashData(file));
            }

            using var zip = ZipFile.OpenRead(path);
            var entry = zip.GetEntry(ArchiveWriter.ManifestName);
            if (entry is null)
            {
                return (null, new ArchiveFailure(name, null, null, "has no manifest.json"));
            }

            using var stream = entry.Open();
            var manifest = JsonSerializer.Deserialize<ArchiveManifest>(stream, ArchiveJson.Manifest);
            if (manifest is null || manifest.Format != ArchiveManifest.CurrentFormat)
            {
                return (null, ZipDamage.Explain(new ArchiveFailure(name, null, null,
                    $"manifest.json is not of the format {ArchiveManifest.CurrentFormat}"), path));
            }

            return (new ArchiveHeader(path, name, sha256, manifest), null);
        }
        catch (InvalidDataException ex)
        {
            return (null, new ArchiveFailure(name, null, null,
                $"is not a readable ZIP file (truncated or damaged?): {ex.Message}"));
        }
        catch (JsonException ex)
        {
            return (null, ZipDamage.Explain(
                new ArchiveFailure(name, null, null, $"manifest.json is not a valid manifest: {ex.Message}"), path));
        }
        catch (IOException ex)
        {
            return (null, new ArchiveFailure(name, null, null, $"cannot be read: {ex.Message}"));
        }
        catch (UnauthorizedAccessException ex)
        {
            return (null, new ArchiveFailure(name, null, null, $"cannot be read: {ex.Message}"));
        }
    }
}

/// <summary>The running totals of a verification.</summary>
internal sealed class ArchiveTally
{
    public long Total { get; set; }

    public long Archives { get; set; }

    public long Records { get; set; }

    public long Signed { get; set; }

    public long Payloads { get; set; }

    public long Stamps { get; set; }

    public DateTimeOffset? From { get; set; }

    public DateTimeOffset? To { get; set; }

    public SortedSet<string> Members { get; } = new(StringComparer.Ordinal);

    public List<string> Gateways { get; } = [];

    public List<string> Notes { get; } = [];

    public ArchiveVerification Result(ArchiveFailure? failure) => new()
    {
        Archives = Archives,
        Records = Records,
        SignedRecords = Signed,
        Payloads = Payloads,
        Stamps = Stamps,
        From = From,
        To = To,
        Gateways = Gateways,
        Members = [.. Members],
        Notes = Notes,
        Failure = failure,
    };
}
