using System.CommandLine;
using ExchangeGateway.Host.Audit.V1;
using Grpc.Core;

namespace ExchangeGateway.Cli.Commands;

/// <summary>
/// <c>exgw audit archive</c>: downloads one archive file, or lists them when no name is given. The file appears
/// under its name only once it is complete.
/// </summary>
internal static class AuditArchiveCommand
{
    public static Command Create()
    {
        var connection = new AuditConnection();
        var name = new Option<string>("--name") { Description = "The archive's name; omit to list the archives" };
        var output = new Option<FileInfo>("--out")
        {
            Description = "The file to write, which must not exist (default: NAME here); only with --name",
        };
        var command = new Command("archive", "List a gateway's archive files, or download one") { name, output };
        connection.AddTo(command);
        command.SetAction((parse, cancel) =>
        {
            var archive = parse.GetValue(name);
            var path = parse.GetValue(output)?.FullName
                ?? (string.IsNullOrWhiteSpace(archive) ? "" : Path.GetFullPath(Path.GetFileName(archive)));
            if (Problem(archive, parse.GetResult(output) is not null, path) is { } problem)
            {
                return AuditConnection.FailAsync(parse, problem);
            }

            var writer = parse.InvocationConfiguration.Output;
            return connection.RunAsync(parse, (client, headers) => archive is null
                ? ListAsync(client, headers, writer, cancel)
                : DownloadAsync(client, headers, archive, path, writer, cancel));
        });
        return command;
    }

    /// <summary>What is wrong with the options, checked before anything is sent; null when nothing is.</summary>
    private static string? Problem(string? archive, bool outGiven, string path)
    {
        if (archive is null)
        {
            return outGiven ? "--out: give --name too (without --name the archives are only listed)" : null;
        }

        if (archive.Trim().Length == 0)
        {
            return "--name: must not be empty (leave it out to list the archives)";
        }

        return File.Exists(path) || Directory.Exists(path)
            ? $"{path} exists; choose another --out or remove it"
            : null;
    }

    private static async Task<int> ListAsync(
        Audit.AuditClient client, Metadata headers, TextWriter output, CancellationToken cancel)
    {
        var list = await client.ListArchivesAsync(new ListArchivesRequest(), headers,
            AuditConnection.Deadline, cancel).ConfigureAwait(false);
        foreach (var archive in list.Archives)
        {
            await output.WriteLineAsync(FormattableString.Invariant(
                $"{archive.Name} {archive.Size} bytes, modified {archive.ModifiedAt.ToDateTimeOffset():O}"))
                .ConfigureAwait(false);
        }

        await output.WriteLineAsync($"{list.Archives.Count} archive(s).").ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> DownloadAsync(
        Audit.AuditClient client, Metadata headers, string name, string path, TextWriter output,
        CancellationToken cancel)
    {
        // Only a partial file this call made is removed: one left by another download is not this call's to delete.
        var partial = path + ".partial";
        var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write);
        long size = 0;
        try
        {
            await using (file)
            {
                using var call = client.GetArchive(new GetArchiveRequest { Name = name }, headers, null, cancel);
                await foreach (var chunk in call.ResponseStream.ReadAllAsync(cancel).ConfigureAwait(false))
                {
                    await file.WriteAsync(chunk.Data.Memory, cancel).ConfigureAwait(false);
                    size += chunk.Data.Length;
                }
            }

            File.Move(partial, path, overwrite: false);
        }
        finally
        {
            File.Delete(partial);
        }

        await output.WriteLineAsync($"{path}: {size} bytes").ConfigureAwait(false);
        return 0;
    }
}
