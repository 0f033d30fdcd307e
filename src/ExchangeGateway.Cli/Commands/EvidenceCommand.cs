using System.CommandLine;
using ExchangeGateway.Core.Evidence;
using ExchangeGateway.Core.MessageLog;

namespace ExchangeGateway.Cli.Commands;

/// <summary><c>exgw evidence export</c>: one message's evidence as standard files with a VERIFY.txt.</summary>
internal static class EvidenceCommand
{
    public static Command Create()
    {
        var database = new Option<FileInfo>("--db") { Description = "The gateway's message log", Required = true };
        var federation = new Option<FileInfo>("--federation")
        {
            Description = "The federation configuration (its signature is FILE.p7s); gives the trusted CAs",
            Required = true,
        };
        var anchor = new Option<FileInfo>("--anchor")
        {
            Description = "The pinned configuration-signing certificate (PEM)",
            Required = true,
        };
        var messageId = new Option<string>("--message-id") { Description = "The message", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write into", Required = true };
        var export = new Command("export", "Write one message's signed data, signatures, proofs, time-stamp " +
            "tokens and certificates as standard files, with VERIFY.txt naming the command for each")
        {
            database, federation, anchor, messageId, output,
        };
        export.SetAction(async (parse, _) =>
        {
            var document = parse.GetValue(federation)!;
            if (!FederationFile.TryRead(document, new FileInfo(document.FullName + ".p7s"), parse.GetValue(anchor)!,
                    out var signed))
            {
                return 2;
            }

            var folder = parse.GetValue(output)!;
            if (OutProblem(folder.FullName) is { } outProblem)
            {
                await Console.Error.WriteLineAsync(outProblem).ConfigureAwait(false);
                return 2;
            }

            var path = parse.GetValue(database)!.FullName;
            if (LogFile.Problem(path) is { } problem)
            {
                await Console.Error.WriteLineAsync(problem).ConfigureAwait(false);
                return 2;
            }

            var records = MessageLogSearch.Message(path, parse.GetValue(messageId)!);
            var files = EvidenceExport.Write(records, parse.GetValue(messageId)!, signed,
                parse.GetValue(output)!.FullName);
            if (files.Count == 0)
            {
                // A message whose records were archived and purged is not missing: say where to look.
                var purged = SqliteMessageLog.ReadFileArchives(path).LastOrDefault(a => a.PurgedAt is not null);
                var where = purged is null
                    ? ""
                    : $"; records 1-{purged.LastSequence} were archived and purged from it (the last in " +
                        $"{purged.Name}): a message among them is in its archive's records.jsonl, which exgw " +
                        "verify checks";
                await Console.Error.WriteLineAsync(
                    $"no record of message '{parse.GetValue(messageId)}' in this log{where}").ConfigureAwait(false);
                return 1;
            }

            foreach (var file in files)
            {
                Console.Out.WriteLine(file);
            }

            // The files hold what the log holds; a record changed since it was written is said, not hidden. Its hash
            // covers fields the evidence leaves out (the subject's hash, the payload), so the whole row is read.
            var changed = records
                .Select(r => SqliteMessageLog.ReadFile(path, r.Logged.Sequence).First())
                .Where(l => !RecordHash.Compute(l.Sequence, l.Record, l.PreviousHash).AsSpan().SequenceEqual(l.Hash))
                .ToList();
            foreach (var logged in changed)
            {
                await Console.Error.WriteLineAsync($"record {logged.Sequence} (message {logged.Record.MessageId}): " +
                    "record hash does not match its fields: the log was changed after the record was written; " +
                    "its files hold what the log holds now").ConfigureAwait(false);
            }

            return changed.Count == 0 ? 0 : 1;
        });
        return new Command("evidence", "Evidence of single messages") { export };
    }

    /// <summary>Files already in the folder would be overwritten or mixed with this message's: refused.</summary>
    internal static string? OutProblem(string folder) =>
        File.Exists(folder) ? $"--out {folder} is a file; choose a new or empty folder"
        : Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any()
            ? $"--out {folder} exists and is not empty; choose a new or empty folder"
            : null;
}
