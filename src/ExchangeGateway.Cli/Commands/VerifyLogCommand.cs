using System.CommandLine;
using ExchangeGateway.Core.MessageLog;

namespace ExchangeGateway.Cli.Commands;

/// <summary><c>exgw verify-log</c>: checks a gateway's message log against a signed federation configuration.</summary>
internal static class VerifyLogCommand
{
    public static Command Create()
    {
        var database = new Option<FileInfo>("--db") { Description = "The message log database", Required = true };
        var federation = new Option<FileInfo>("--federation")
        {
            Description = "The federation configuration (its signature is FILE.p7s)",
            Required = true,
        };
        var anchor = new Option<FileInfo>("--anchor")
        {
            Description = "The pinned configuration-signing certificate (PEM)",
            Required = true,
        };
        var command = new Command("verify-log",
            "Verify a message log: record chain, payload digests, envelope signatures and signers")
        {
            database, federation, anchor,
        };
        command.SetAction(parse =>
            Run(parse.GetValue(database)!, parse.GetValue(federation)!, parse.GetValue(anchor)!));
        return command;
    }

    private static int Run(FileInfo database, FileInfo federationFile, FileInfo anchorFile)
    {
        if (LogFile.Problem(database.FullName) is { } problem)
        {
            Console.Error.WriteLine(problem);
            return 2;
        }

        if (!FederationFile.TryRead(federationFile, anchorFile, out var configuration))
        {
            return 2;
        }

        // Records archived and purged are checked in their archives (exgw verify); the chain here starts after them.
        var purged = SqliteMessageLog.ReadFileArchives(database.FullName).LastOrDefault(a => a.PurgedAt is not null);
        if (purged is not null)
        {
            Console.Out.WriteLine($"records 1-{purged.LastSequence} were archived (last in {purged.Name}) and " +
                "purged; the chain is checked from there");
        }

        var verification = MessageLogVerifier.Verify(
            SqliteMessageLog.ReadFile(database.FullName), configuration, purged);
        if (!verification.IsValid)
        {
            // As exgw verify counts them: the records that passed before the one that failed.
            Console.Out.WriteLine($"FAILED after {verification.Records - 1} records: {verification.Failure}");
            return 1;
        }

        Console.Out.WriteLine($"chain verified: {verification.Records} records, {verification.SignedRecords} signed");
        var stampsOf = SqliteMessageLog.ReadFileStamps(database.FullName);
        var stamps = StampVerifier.Verify(SqliteMessageLog.ReadFile(database.FullName),
            sequence => stampsOf.GetValueOrDefault(sequence), configuration);
        if (!stamps.IsValid)
        {
            Console.Out.WriteLine($"time-stamps FAILED: {stamps.Failure}");
            return 1;
        }

        Console.Out.WriteLine($"time-stamps verified: {stamps.StampedRecords} of {verification.Records} records " +
            $"under {stamps.Stamps} token(s)");
        return 0;
    }
}
