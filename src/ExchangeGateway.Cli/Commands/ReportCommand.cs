using System.CommandLine;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Core.Subjects;
using ExchangeGateway.Host.Configuration;

namespace ExchangeGateway.Cli.Commands;

/// <summary><c>exgw report subject ID</c>: which client called which service about a person, when and why.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var identifier = new Argument<string>("identifier")
        {
            Description = "The person's identifier, as sent in xroad-subject",
        };
        var gateways = new Option<FileInfo[]>("--gateway")
        {
            Description = "A gateway's configuration file (gives its message log and subject key); repeatable",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var subject = new Command("subject",
            "List the calls about one person recorded in the gateways' logs and in their archives")
        {
            identifier, gateways,
        };
        subject.SetAction(parse => Run(parse.GetValue(identifier)!, parse.GetValue(gateways)!));
        return new Command("report", "Reports for auditors and data-protection officers") { subject };
    }

    private static int Run(string identifier, FileInfo[] gateways)
    {
        if (SubjectKey.Check(identifier) is { } bad)
        {
            Console.Error.WriteLine($"the identifier {bad}");
            return 2;
        }

        var found = 0;
        var missing = new List<string>();
        foreach (var gateway in gateways)
        {
            if (!GatewaySettingsReader.TryReadLogPaths(gateway.FullName, out var paths, out var errors))
            {
                Console.Error.WriteLine(string.Join("; ", errors));
                return 2;
            }

            if (LogFile.Problem(paths.MessageLog) is { } problem)
            {
                Console.Error.WriteLine($"{problem} (messageLog in {gateway.FullName})");
                return 2;
            }

            if (!File.Exists(paths.SubjectKey))
            {
                // A new key would hash the identifier to a value no record holds: the report would say nobody looked.
                Console.Error.WriteLine(
                    $"{paths.SubjectKey}: no such subject key (subjectKey in {gateway.FullName}); " +
                    "only the key the gateway logged with finds its records");
                return 2;
            }

            var key = SubjectKey.Load(paths.SubjectKey);
            foreach (var access in SubjectReport.Find(paths.MessageLog, key, identifier, paths.Archives))
            {
                found++;
                Console.Out.WriteLine(SubjectLines.Format(paths.Name, access));
            }

            missing.AddRange(Missing(paths.Name, paths.MessageLog, paths.Archives));
        }

        if (missing.Count == 0)
        {
            Console.Out.WriteLine($"{found} call(s) found.");
            return 0;
        }

        // Records purged from a log are found only in their archive: without it, calls may be missing unseen.
        foreach (var line in missing)
        {
            Console.Error.WriteLine(line);
        }

        Console.Out.WriteLine($"{found} call(s) found; the report is incomplete: {missing.Count} purged archive(s) " +
            "not found (above)");
        return 1;
    }

    /// <summary>The archives whose records left <paramref name="logFile"/> and that are not in
    /// <paramref name="folder"/>, in words.</summary>
    private static IEnumerable<string> Missing(string gateway, string logFile, string folder) =>
        SqliteMessageLog.ReadFileArchives(logFile)
            .Where(a => a.PurgedAt is not null && !File.Exists(Path.Combine(folder, a.Name)))
            .Select(a => $"incomplete: {a.Name} (records {a.FirstSequence}-{a.LastSequence}, purged from " +
                $"{gateway}'s log) is not in {folder}: calls in it are not listed");
}
