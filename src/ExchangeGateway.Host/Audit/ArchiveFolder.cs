using ExchangeGateway.Host.Audit.V1;
using ExchangeGateway.Host.Configuration;
using ExchangeGateway.Host.Faults;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace ExchangeGateway.Host.Audit;

/// <summary>
/// <c>ListArchives</c> and <c>GetArchive</c>: the <c>*.zip</c> files directly in the gateway's archive folder.
/// A name is a plain file name, never a path; symbolic links are neither listed nor served.
/// </summary>
internal sealed class ArchiveFolder(GatewayOptions options, AuditFaults faults)
{
    /// <summary>The size of each streamed chunk but the last: 64 KiB.</summary>
    public const int ChunkSize = 64 * 1024;

    private const string Extension = ".zip";

    public ListArchivesResponse List()
    {
        var response = new ListArchivesResponse();
        var folder = options.Archiving.DirectoryFor(options.MessageLogPath);
        if (folder.Length == 0 || !Directory.Exists(folder))
        {
            return response;
        }

        try
        {
            var files = new DirectoryInfo(folder).EnumerateFiles("*" + Extension)
                .Where(f => f.Name.EndsWith(Extension, StringComparison.Ordinal) && f.LinkTarget is null)
                .OrderBy(f => f.Name, StringComparer.Ordinal);
            response.Archives.AddRange(files.Select(f => new ArchiveFile
            {
                Name = f.Name,
                Size = f.Length,
                ModifiedAt = Timestamp.FromDateTimeOffset(f.LastWriteTimeUtc),
            }));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unavailable();
        }

        return response;
    }

    /// <summary>Streams the archive <paramref name="name"/> from its file, one chunk in memory at a time.</summary>
    public async Task SendAsync(string name, IServerStreamWriter<ArchiveChunk> stream, CancellationToken cancel)
    {
        if (NameProblem(name) is { } problem)
        {
            throw faults.Raise(StatusCode.InvalidArgument, Reasons.BadArchiveName, $"archive name {problem}");
        }

        await using var file = Open(name);
        var buffer = new byte[ChunkSize];
        while (true)
        {
            int read;
            try
            {
                read = await file.ReadAtLeastAsync(buffer, ChunkSize, false, cancel).ConfigureAwait(false);
            }
            catch (IOException)
            {
                throw Unavailable();
            }

            if (read == 0)
            {
                return;
            }

            await stream.WriteAsync(new ArchiveChunk { Data = ByteString.CopyFrom(buffer, 0, read) }, cancel)
                .ConfigureAwait(false);
        }
    }

    /// <summary>Why <paramref name="name"/> is not a plain archive file name; null when it is one.</summary>
    public static string? NameProblem(string name)
    {
        if (name.Length is 0 or > 255)
        {
            return "must have 1 to 255 characters";
        }

        if (name.IndexOfAny(['/', '\\', ':', Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]) >= 0
            || name.Any(char.IsControl))
        {
            return "must be a file name, without a folder";
        }

        if (name.Contains("..", StringComparison.Ordinal))
        {
            return "must not contain '..'";
        }

        return name.EndsWith(Extension, StringComparison.Ordinal) ? null : "must end in .zip";
    }

    private FileStream Open(string name)
    {
        var folder = options.Archiving.DirectoryFor(options.MessageLogPath);
        var path = Path.Combine(folder, name);
        var info = new FileInfo(path);
        if (folder.Length == 0 || !info.Exists || info.LinkTarget is not null)
        {
            throw NotFound();
        }

        try
        {
            // The archiver may replace files meanwhile: a reader never blocks it, and keeps the file it opened.
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
                bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw NotFound();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unavailable();
        }
    }

    private RpcException NotFound() =>
        faults.Raise(StatusCode.NotFound, Reasons.ArchiveNotFound, "no archive of that name in the archive folder");

    private RpcException Unavailable() =>
        faults.Raise(StatusCode.Unavailable, Reasons.ArchiveUnavailable, "the archive folder could not be read");
}
