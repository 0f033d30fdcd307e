using System.CommandLine;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Host.Archiving;
using ExchangeGateway.Host.Configuration;

namespace ExchangeGateway.Cli.Commands;

/// <summary>
/// <c>exgw archive --config FILE</c>: archives a gateway's time-stamped log now, beside a running gateway or not,
/// and with <c>--purge</c> deletes the archived rows older than the retention period.
/// </summary>
internal static class ArchiveCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo>("--config")
        {
            Description = "The gateway's configuration file (JSON)",
            Required = true,
        };
        var closedOnly = new Option<bool>("--closed-periods-only")
        {
            Description = "Archive only periods that are over, as the schedule does (default: everything stamped)",
        };
        var purge = new Option<bool>("--purge")
        {
            Description = "Then delete archived records older than the retention period from the database",
        };
        var command = new Command("archive",
            "Write the time-stamped records not yet archived to signed, chained archive files")
        {
            config, closedOnly, purge,
        };
        command.SetAction(async (parse, _) => await RunAsync(
            parse.GetValue(config)!, parse.GetValue(closedOnly), parse.GetValue(purge)).ConfigureAwait(false));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo config, bool closedOnly, bool purge)
    {
        if (!GatewaySettingsReader.TryReadForTool(config.FullName, out var options, out var errors))
        {
            Console.Error.WriteLine($"{config.FullName} is not a valid gateway configuration:");
            foreach (var error in errors)
            {
                Console.Error.WriteLine($"  {error}");
            }

            return 2;
        }

        if (LogFile.Problem(options.MessageLogPath) is { } problem)
        {
            Console.Error.WriteLine($"{problem} (messageLog in {config.FullName})");
            return 2;
        }

        var files = options.Federation;
        if (!FederationFile.TryRead(new FileInfo(files.Document), new FileInfo(files.Signature),
                new FileInfo(files.Anchor), out var federation))
        {
            return 2;
        }

        await using var log = SqliteMessageLog.Open(options.MessageLogPath);
        var archiver = GatewayArchiver.For(options, log, () => federation, TimeProvider.System);
        var written = archiver.Archive(closedOnly);
        foreach (var archive in written)
        {
            var path = Path.Combine(archiver.Directory, archive.Name);
            Console.Out.WriteLine(FormattableString.Invariant(
                $"{path}: records {archive.FirstSequence}-{archive.LastSequence}"));
        }

        var waiting = archiver.StampedNotArchived();
        Console.Out.WriteLine((written.Count, waiting) switch
        {
            (> 0, _) => $"{written.Count} archive(s) written",
            (0, 0) => "nothing to archive: every time-stamped record is archived",
            _ => $"nothing archived: {waiting} time-stamped record(s) belong to a period that is still open " +
                "(run without --closed-periods-only to archive them now)",
        });
        if (purge)
        {
            var purged = archiver.Purge();
            Console.Out.WriteLine(FormattableString.Invariant(
                $"purged {purged} archived record(s) older than {options.Archiving.Policy.Retention.TotalDays} days"));
        }

        return 0;
    }
}
