using System.CommandLine;
using ExchangeGateway.Cli.Demo;
using ExchangeGateway.Host;
using ExchangeGateway.Registries;
using ExchangeGateway.Registries.Data;

namespace ExchangeGateway.Cli.Commands;

/// <summary>
/// <c>exgw registry AGENCY [--port N]</c>: runs one demo agency's registry alone on loopback, answering from the
/// same generated population as <c>up</c> and <c>demo</c>, until interrupted: what a gateway of <c>up</c> run alone
/// with <c>exgw gateway</c> calls once <c>up</c> has stopped.
/// </summary>
internal static class RegistryCommand
{
    public static Command Create()
    {
        var agency = new Argument<string>("agency") { Description = "The agency whose registry to run" };
        agency.AcceptOnlyFromAmong([.. DemoAgencies.All.Select(a => a.Key)]);
        var port = new Option<int?>("--port")
        {
            Description = "Loopback TCP port to listen on; 0 picks a free one. Default: the port up gives it " +
                "(7103 migration, 7113 police, 7123 foreign-affairs)",
        };
        var directory = CommonOptions.StateDirectory();
        directory.Description = "Folder under which the registry writes its diagnostic log (DIR/AGENCY-registry/logs)";
        var command = new Command("registry",
            "Run one demo agency's registry (gRPC, h2c) on 127.0.0.1 until Ctrl+C")
        {
            agency, port, directory,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var chosen = DemoAgencies.All.Single(a => a.Key == parse.GetValue(agency));
            var listen = parse.GetValue(port) ?? DemoFederation.PortsOf(chosen, UpCommand.BasePort).Registry;
            return RunAsync(chosen, listen, parse.GetValue(directory)!, cancellationToken);
        });
        return command;
    }

    /// <summary>Runs <paramref name="agency"/>'s registry until <paramref name="cancellationToken"/> or a signal
    /// asks it to stop; 0 once stopped, 2 when it could not start.</summary>
    internal static async Task<int> RunAsync(
        DemoAgency agency, int port, DirectoryInfo directory, CancellationToken cancellationToken)
    {
        var name = $"{agency.Key}-registry";
        using (var shutdown = Shutdown.Listen(cancellationToken))
        using (var loggers = GatewayLogging.Create(Path.Combine(directory.FullName, name, "logs"), console: true))
        {
            DemoRegistry registry;
            try
            {
                registry = await DemoRegistry.StartAsync(agency.Registry, Population.Generate(), port, loggers,
                    cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or ArgumentOutOfRangeException)
            {
                await Console.Error.WriteLineAsync(
                    $"{name}: port {port} on 127.0.0.1 cannot be opened: {ex.Message}").ConfigureAwait(false);
                return 2;
            }

            await using (registry.ConfigureAwait(false))
            {
                Console.Out.WriteLine($"Registry of {agency.Name}: {registry.Address}");
                Console.Out.WriteLine($"  services {string.Join(", ", registry.Services)}");
                Console.Out.WriteLine("Running; press Ctrl+C to stop.");
                await shutdown.WaitAsync().ConfigureAwait(false);
            }
        }

        // The registry stopped and every line of its log written, as up, gateway and tsa say it.
        Console.Out.WriteLine($"{name}: stopped");
        return 0;
    }
}
