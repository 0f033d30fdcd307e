using System.CommandLine;
using System.CommandLine.Parsing;
using ExchangeGateway.Cli.Commands;

namespace ExchangeGateway.Cli;

/// <summary>The <c>exgw</c> command line.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("ExchangeGateway: a security server for gRPC exchange between agency registries.");
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(UpCommand.Create());
        root.Subcommands.Add(PkiCommand.Create());
        root.Subcommands.Add(GatewayCommand.Create());
        root.Subcommands.Add(TsaCommand.Create());
        root.Subcommands.Add(RegistryCommand.Create());
        root.Subcommands.Add(VerifyLogCommand.Create());
        root.Subcommands.Add(ArchiveCommand.Create());
        root.Subcommands.Add(VerifyCommand.Create());
        root.Subcommands.Add(EvidenceCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(HealthCommand.Create());
        try
        {
            var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                // A usage error exits 2, as every other refusal to start does; 1 means a check failed.
                // A misspelled command is reported as unrecognised; "no command given" would be wrong beside it.
                var unrecognised = parse.UnmatchedTokens.Count > 0;
                foreach (var error in parse.Errors.Where(e => !(unrecognised && e.Message.StartsWith(
                             "Required command was not provided", StringComparison.Ordinal))))
                {
                    await Console.Error.WriteLineAsync($"exgw: {error.Message}").ConfigureAwait(false);
                }

                var names = new List<string> { "exgw" };
                for (var result = parse.CommandResult; result.Parent is CommandResult parent; result = parent)
                {
                    names.Insert(1, result.Command.Name);
                }

                await Console.Error.WriteLineAsync($"({string.Join(' ', names)} --help shows the usage)")
                    .ConfigureAwait(false);
                return 2;
            }

            return await parse.InvokeAsync(invocation).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // People get a sentence, not a stack trace: a taken port, an unreadable file, a database that is not one.
            await Console.Error.WriteLineAsync($"exgw: {Describe(ex)}").ConfigureAwait(false);
            return 2;
        }
    }

    private static string Describe(Exception ex)
    {
        var inner = ex;
        while (inner.InnerException is not null && inner is not IOException)
        {
            inner = inner.InnerException;
        }

        return inner == ex ? ex.Message : $"{ex.Message} ({inner.Message})";
    }
}
