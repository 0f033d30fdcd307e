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
        var output = new Option<FileInfo>("--out") { Description = "The file to write (default: NAME here)" };
        var command = new Command("archive", "List a gateway's archive files, or download one") { name, output };
        connection.AddTo(command);
        command.SetAction((parse, cancel) => connection.RunAsync(parse, (client, headers) =>
            parse.GetValue(name) is { } archive
                ? DownloadAsync(client, headers, archive, parse.GetValue(output)?.FullName ?? archive, cancel)
                : ListAsync(client, headers, cancel)));
        return command;
    }

    private static async Task<int> ListAsync(Audit.AuditClient client, Metadata headers, CancellationToken cancel)
    {
        var list = await client.ListArchivesAsync(new ListArchivesRequest(), headers,
            DateTime.UtcNow.AddMinutes(1), cancel).ConfigureAwait(false);
        foreach (var archive in list.Archives)
        {
            Console.Out.WriteLine(FormattableString.Invariant(
                $"{archive.Name} {archive.Size} bytes, modified {archive.ModifiedAt.ToDateTimeOffset():O}"));
        }

        Console.Out.WriteLine($"{list.Archives.Count} archive(s).");
        return 0;
    }

    private static async Task<int> DownloadAsync(
        Audit.AuditClient client, Metadata headers, string name, string path, CancellationToken cancel)
    {
        var partial = path + ".partial";
        long size = 0;
        try
        {
            using var call = client.GetArchive(new GetArchiveRequest { Name = name }, headers, null, cancel);
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write))
            {
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

        Console.Out.WriteLine($"{path}: {size} bytes");
        return 0;
    }
}
