using System.CommandLine;
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
        root.Subcommands.Add(VerifyLogCommand.Create());
        root.Subcommands.Add(TsaCommand.Create());
        root.Subcommands.Add(EvidenceCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
    }
}
