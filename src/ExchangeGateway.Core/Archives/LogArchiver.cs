using System.Globalization;
using System.Security.Cryptography;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Core.Signing;

namespace ExchangeGateway.Core.Archives;

/// <summary>
/// Cuts the time-stamped part of a message log into archive files, each linked to the one before, and purges
/// archived rows once the retention period has passed. Safe to rerun, and to run while the gateway writes.
/// </summary>
/// <remarks>
/// A run: (1) takes the folder's lock file, so that two archivers never write at once; (2) reads the stamps after
/// the last archived record; (3) takes whole stamps of one period, up to <see cref="ArchivingPolicy.MaxRecords"/>;
/// (4) writes them to a temporary file, syncs it, and moves it into place; (5) records the archive in the log, which
/// only then lets its rows be purged. A run that stops between (4) and (5) leaves a file that the next run
/// rewrites.
/// </remarks>
public sealed class LogArchiver
{
    private const int MaxStampsRead = 10_000;

    private readonly SqliteMessageLog _log;
    private readonly string _directory;
    private readonly string _gateway;
    private readonly string _member;
    private readonly MessageSigner _signer;
    private readonly Func<SignedFederation?> _federation;
    private readonly ArchivingPolicy _policy;
    private readonly TimeProvider _time;

    /// <summary>Creates an archiver of <paramref name="log"/> into <paramref name="directory"/>.</summary>
    public LogArchiver(
        SqliteMessageLog log, string directory, string gateway, string member, MessageSigner signer,
        Func<SignedFederation?> federation, ArchivingPolicy policy, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _log = log;
        _directory = directory;
        _gateway = gateway;
        _member = member;
        _signer = signer;
        _federation = federation;
        _policy = policy;
        _time = time;
    }

    /// <summary>The folder the archives go to.</summary>
    public string Directory => _directory;

    /// <summary>
    /// Archives every stamped record not yet archived; with <paramref name="closedPeriodsOnly"/>, only periods that
    /// are over (and full archives). Returns the archives written, in order.
    /// </summary>
    /// <exception cref="MessageLogException">Another archiver holds the folder, the federation configuration is
    /// not available, or the log or the folder cannot be read or written.</exception>
    public IReadOnlyList<ArchiveEntry> Archive(bool closedPeriodsOnly)
    {
        System.IO.Directory.CreateDirectory(_directory);
        using var exclusive = Lock();
        var written = new List<ArchiveEntry>();
        using var connection = _log.OpenConnection();
        var archives = SqliteArchives.All(connection);
        var last = archives.Count > 0 ? archives[^1] : null;
        while (true)
        {
            // (2) and (3)
            var after = last?.LastSequence ?? 0;
            var stamps = SqliteStamps.After(connection, after, MaxStampsRead);
            var run = Cut(stamps, closedPeriodsOnly);
            if (run.Count == 0)
            {
                return written;
            }

            if (run[0].FirstSequence != after + 1)
            {
                throw new MessageLogException(
                    $"the stamps after record {after} begin at record {run[0].FirstSequence}: the log has a gap");
            }

            last = Write(connection, last, run);
            written.Add(last);
        }
    }

    /// <summary>How many records are time-stamped but not archived yet.</summary>
    public long StampedNotArchived()
    {
        using var connection = _log.OpenConnection();
        var archives = SqliteArchives.All(connection);
        var after = archives.Count > 0 ? archives[^1].LastSequence : 0;
        return Math.Max(0, SqliteStamps.LastStampedSequence(connection) - after);
    }

    /// <summary>Deletes the rows of archives older than the retention period. Returns the records deleted.</summary>
    public long Purge()
    {
        var now = _time.GetUtcNow();
        return _log.Purge(now - _policy.Retention, now);
    }

    private List<LogStamp> Cut(List<LogStamp> stamps, bool closedPeriodsOnly)
    {
        var run = new List<LogStamp>();
        if (stamps.Count == 0)
        {
            return run;
        }

        var period = PeriodOf(stamps[0].Time);
        long records = 0;
        foreach (var stamp in stamps)
        {
            var size = stamp.LastSequence - stamp.FirstSequence + 1;
            if (PeriodOf(stamp.Time) != period || (run.Count > 0 && records + size > _policy.MaxRecords))
            {
                return run;
            }

            run.Add(stamp);
            records += size;
        }

        // The stamps ran out inside the first period: archive it now only when it is over or asked for.
        var open = period == PeriodOf(_time.GetUtcNow());
        return closedPeriodsOnly && open && records < _policy.MaxRecords ? [] : run;
    }

    private long PeriodOf(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) /
        _policy.Period.Ticks;

    private ArchiveEntry Write(Microsoft.Data.Sqlite.SqliteConnection connection, ArchiveEntry? last,
        List<LogStamp> run)
    {
        var federation = _federation()
            ?? throw new MessageLogException("no valid federation configuration to archive with");
        var number = (last?.Id ?? 0) + 1;
        var name = string.Create(CultureInfo.InvariantCulture,
            $"{_gateway}-{run[0].Time.UtcDateTime:yyyyMMdd}-{number:D6}.zip");
        var path = Path.Combine(_directory, name);
        var partial = path + ".partial";
        var content = new ArchiveContent
        {
            Gateway = _gateway,
            Member = _member,
            Number = number,
            Previous = last is null ? null : new ArchiveLink(last.Name, Convert.ToHexStringLower(last.Sha256)),
            Stamps = run,
            Records = () => SqliteRecords.ReadForArchive(connection, run[0].FirstSequence, run[^1].LastSequence),
            OpenPayload = sequence => SqliteRecords.OpenPayload(connection, sequence),
            Federation = (federation.Document, federation.Signature),
            Authorities = federation.Configuration.Authorities,
            Signer = _signer,
            CreatedAt = _time.GetUtcNow(),
        };

        // (4)
        ArchiveManifest manifest;
        try
        {
            using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                manifest = ArchiveWriter.Write(file, content);
                file.Flush(flushToDisk: true);
            }

            RefuseForeign(path, manifest);
            File.Move(partial, path, overwrite: true);
        }
        catch (IOException ex)
        {
            File.Delete(partial);
            throw new MessageLogException($"archive {name} could not be written: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            File.Delete(partial);
            throw new MessageLogException($"archive {name} could not be written: {ex.Message}", ex);
        }

        // (5)
        byte[] sha256;
        using (var file = File.OpenRead(path))
        {
            sha256 = SHA256.HashData(file);
        }

        var entry = new ArchiveEntry(number, name, manifest.FirstSequence, manifest.LastSequence,
            Convert.FromHexString(manifest.LastHash), manifest.LastLoggedAt, sha256, manifest.CreatedAt, null);
        _log.AddArchive(entry);
        return entry;
    }

    /// <summary>An existing file of the same name may be only this log's own unrecorded attempt.</summary>
    private static void RefuseForeign(string path, ArchiveManifest manifest)
    {
        if (!File.Exists(path))
        {
            return;
        }

        var (existing, _) = ArchiveHeader.Read(path);
        var found = existing?.Manifest;
        if (found is null || found.FirstSequence != manifest.FirstSequence
            || found.LastSequence != manifest.LastSequence || found.LastHash != manifest.LastHash
            || found.Gateway != manifest.Gateway || found.Number != manifest.Number)
        {
            throw new IOException($"{path} exists and is not an unrecorded archive of this log; move it away first");
        }
    }

    private FileStream Lock()
    {
        var path = Path.Combine(_directory, ".archiver.lock");
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new MessageLogException($"another archiver is running on {_directory}: {ex.Message}", ex);
        }
    }
}
