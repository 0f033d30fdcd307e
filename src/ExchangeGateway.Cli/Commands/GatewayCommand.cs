using System.CommandLine;
using ExchangeGateway.Host;
using ExchangeGateway.Host.Configuration;

namespace ExchangeGateway.Cli.Commands;

/// <summary>
/// <c>exgw gateway --config FILE</c>: runs one gateway from its configuration file until interrupted.
/// </summary>
internal static class GatewayCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo>("--config")
        {
            Description = "The gateway's configuration file (JSON)",
            Required = true,
        };
        var command = new Command("gateway", "Run one gateway from its configuration file until Ctrl+C") { config };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(config)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo config, CancellationToken cancellationToken)
    {
        var arenas = MallocArenas.Limit();
        if (!GatewaySettingsReader.TryRead(config.FullName, out var options, out var errors))
        {
            await Console.Error.WriteLineAsync($"{config.FullName} is not a valid gateway configuration:")
                .ConfigureAwait(false);
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync($"  {error}").ConfigureAwait(false);
            }

            return 2;
        }

        using var loggers = GatewayLogging.Create(Path.Combine(config.DirectoryName!, "logs"), console: true);
        await using var gateway = await GatewayNode.StartAsync(options, loggers, null, null, cancellationToken)
            .ConfigureAwait(false);
        Console.Out.WriteLine($"{options.Name}: client {gateway.ClientAddress}, exchange {gateway.ExchangeAddress}");
        if (arenas is not null)
        {
            Console.Out.WriteLine(
                $"{options.Name}: new malloc arenas capped at {arenas}; set {MallocArenas.Variable} to cap them all");
        }

        if (gateway.AuditAddress is not null)
        {
            Console.Out.WriteLine($"{options.Name}: audit {gateway.AuditAddress}");
        }

        await Shutdown.WaitAsync(cancellationToken).ConfigureAwait(false);

        return 0;
    }
}
