using System.CommandLine;
using System.Net;
using ExchangeGateway.Host;
using ExchangeGateway.Cli.Demo;

namespace ExchangeGateway.Cli.Commands;

/// <summary><c>exgw up</c>: the demo federation on fixed loopback ports, running until interrupted.</summary>
internal static class UpCommand
{
    /// <summary>The first port of up's federation unless <c>--base-port</c> gives another.</summary>
    public const int BasePort = 7100;

    public static Command Create()
    {
        var directory = CommonOptions.StateDirectory();
        var basePort = CommonOptions.Number("--base-port",
            "First port: agency N listens on BASE+10N+1 (client), +2 (exchange), +3 (registry)", BasePort, 1,
            IPEndPoint.MaxPort - DemoFederation.TsaPortOf(0));
        var command = new Command("up", "Start the demo federation on loopback and keep it running until Ctrl+C")
        {
            directory,
            basePort,
        };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(directory)!, parse.GetValue(basePort), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo directory, int basePort, CancellationToken cancellationToken)
    {
        var root = Path.Combine(directory.FullName, "up");

        // Making the PKI and starting every part takes seconds: say at once what is starting, and where, once the
        // folder is this federation's.
        var first = DemoFederation.PortsOf(DemoAgencies.All[0], basePort).Client;
        void Starting() => Console.Out.WriteLine($"Starting the demo federation in {root}, on loopback ports " +
            $"{first} to {DemoFederation.TsaPortOf(basePort)}; its endpoints follow once every part listens.");
        using (var shutdown = Shutdown.Listen(cancellationToken))
        using (var loggers = GatewayLogging.Create(Path.Combine(root, "logs"), console: true))
        {
            await using var federation = await DemoFederation.StartAsync(
                root, basePort, loggers, cancellationToken, Starting).ConfigureAwait(false);

            // The log's lines reach the console up to a period late: the parts' own lines come first.
            await Task.Delay(2 * GatewayLogging.Period, cancellationToken).ConfigureAwait(false);
            Endpoints.Print(federation, Console.Out);
            Console.Out.WriteLine(
                $"Client certificates for agency systems: {federation.Pki.Directory}/AGENCY-client.pem");
            Console.Out.WriteLine("Running; press Ctrl+C to stop.");
            await shutdown.WaitAsync().ConfigureAwait(false);
        }

        // Every part stopped, and every line of the log written.
        Console.Out.WriteLine("Stopped.");
        return 0;
    }
}
