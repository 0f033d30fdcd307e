using System.CommandLine;
using System.Globalization;
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
        var found = 0;
        foreach (var gateway in gateways)
        {
            if (!GatewaySettingsReader.TryRead(gateway.FullName, out var options, out var errors))
            {
                Console.Error.WriteLine($"{gateway.FullName}: {string.Join("; ", errors)}");
                return 2;
            }

            var archives = options.Archiving.DirectoryFor(options.MessageLogPath);
            var accesses = SubjectReport.Find(options.MessageLogPath, options.SubjectKey!, identifier, archives);
            foreach (var access in accesses)
            {
                found++;
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{options.Name,-18} {access.At:yyyy-MM-dd HH:mm:ss.fff} {access.Side,-8} {access.Client} -> " +
                    $"{access.Service} {access.Method}; user {access.UserId}; issue {access.Issue}; {access.Outcome}"));
            }
        }

        Console.Out.WriteLine($"{found} call(s) found.");
        return 0;
    }
}
