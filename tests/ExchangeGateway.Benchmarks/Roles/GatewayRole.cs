using ExchangeGateway.Host;
using ExchangeGateway.Host.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExchangeGateway.Benchmarks.Roles;

/// <summary>
/// <c>gateway --config FILE [--logging console+file|file|none]</c>: one gateway from its configuration file, started
/// the way <c>exgw gateway</c> starts it (restarted with the same malloc arena cap, though before reading its file and
/// without a line about it; same reader, same <see cref="GatewayNode"/>, the same Serilog set-up: compact JSON to
/// <c>logs/</c> beside the file and lines to the console). Other logging is for experiments only.
/// </summary>
internal static class GatewayRole
{
    public static async Task<int> RunAsync(Arguments args)
    {
        if (MallocArenas.Wanted() is { } arenas)
        {
            // Only a restart that failed or was not tried comes back: say so, and cap the arenas still to be made.
            await Console.Error.WriteLineAsync($"could not restart: {MallocArenas.Restart(arenas)}")
                .ConfigureAwait(false);
            MallocArenas.Limit(arenas);
        }

        var config = Path.GetFullPath(args.Required("--config"));
        if (!GatewaySettingsReader.TryRead(config, out var options, out var errors))
        {
            await Console.Error.WriteLineAsync($"{config}: {string.Join("; ", errors)}").ConfigureAwait(false);
            return 2;
        }

        var logging = args.Optional("--logging") ?? "console+file";
        using var counters = new GatewayCounters();
        using var stages = new StageListener();
        using var loggers = Loggers(Path.Combine(Path.GetDirectoryName(config)!, "logs"), logging);
        var gateway = await GatewayNode.StartAsync(options, loggers).ConfigureAwait(false);
        await using (gateway.ConfigureAwait(false))
        {
            ReadyLine.Write("READY", new
            {
                pid = Environment.ProcessId,
                client = gateway.ClientAddress.ToString(),
                exchange = gateway.ExchangeAddress.ToString(),
            });
            await ParentLink.StopRequested(line =>
            {
                counters.Answer(line);
                stages.Answer(line);
            }).ConfigureAwait(false);
        }

        // Disposing the gateway drained the message log's writer: every record is on disk.
        ReadyLine.Write("STOPPED", new { pid = Environment.ProcessId });
        return 0;
    }

    private static ILoggerFactory Loggers(string directory, string logging) => logging switch
    {
        "none" => NullLoggerFactory.Instance,
        "file" => GatewayLogging.Create(directory, console: false),
        "console+file" => GatewayLogging.Create(directory, console: true),
        _ => throw new ArgumentException($"--logging '{logging}': expected console+file, file or none"),
    };
}
