using System.CommandLine;
using ExchangeGateway.Host;
using ExchangeGateway.Cli.Demo;

namespace ExchangeGateway.Cli.Commands;

/// <summary><c>exgw demo</c>: the demo federation on free loopback ports, the scenarios, the log checks.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var directory = CommonOptions.StateDirectory();
        var command = new Command("demo", "Start three agencies' registries and gateways on loopback, run the " +
            "scenarios, verify every message log; exit 0 only if all went as expected")
        {
            directory,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(directory)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo directory, CancellationToken cancellationToken)
    {
        var output = Console.Out;
        var root = Path.Combine(directory.FullName, "demo");
        using var loggers = GatewayLogging.Create(Path.Combine(root, "logs"), console: false);
        output.WriteLine($"ExchangeGateway demo federation in {root}");
        await using var federation = await DemoFederation.StartAsync(root, null, loggers, cancellationToken)
            .ConfigureAwait(false);
        Endpoints.Print(federation, output);
        var passed = await new DemoRun(federation, output).RunAsync(cancellationToken).ConfigureAwait(false);
        var log = Path.Combine(root, "logs", "exgw.log.json");
        output.WriteLine($"Structured gateway log (one line per exchange): {log}");
        return passed ? 0 : 1;
    }
}
