using System.CommandLine;
using System.Net;
using System.Reflection;
using ExchangeGateway.Cli.Demo;
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
        using var shutdown = Shutdown.Listen(cancellationToken);
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

        // A second gateway on the same message log holds the same ports too: said as what it is, before them.
        var lockFile = options.MessageLogPath + ".lock";
        if (File.Exists(lockFile))
        {
            ProcessLock.Take(lockFile, $"another gateway runs on the message log {options.MessageLogPath}; stop it " +
                "first").Dispose();
        }

        // A port another process holds is said before the gateway makes anything: no message log, lock file or
        // diagnostic log folder is left behind by a start that could not listen.
        CheckFree("client", options.ClientEndpoint);
        CheckFree("exchange", options.ExchangeEndpoint);
        if (options.Audit is { } audit)
        {
            CheckFree("audit", audit.Endpoint);
        }

        var arenas = CapArenas(options.Name, shutdown);
        using (var loggers = GatewayLogging.Create(Path.Combine(config.DirectoryName!, "logs"), console: true))
        {
            await using var gateway = await GatewayNode.StartAsync(options, loggers, null, null, cancellationToken)
                .ConfigureAwait(false);
            Console.Out.WriteLine(
                $"{options.Name}: client {gateway.ClientAddress}, exchange {gateway.ExchangeAddress}");
            if (arenas is not null)
            {
                Console.Out.WriteLine($"{options.Name}: new malloc arenas capped at {arenas}; " +
                    $"set {MallocArenas.Variable} to cap them all");
            }

            if (gateway.AuditAddress is not null)
            {
                Console.Out.WriteLine($"{options.Name}: audit {gateway.AuditAddress}");
            }

            await shutdown.WaitAsync().ConfigureAwait(false);
        }

        // The gateway stopped, its message log closed and every line of the diagnostic log written.
        Console.Out.WriteLine($"{options.Name}: stopped");
        return 0;
    }

    /// <summary>Throws an <see cref="IOException"/> naming the endpoint, as the gateway's own start would, when its
    /// fixed port cannot be listened on now.</summary>
    private static void CheckFree(string name, IPEndPoint endpoint)
    {
        if (endpoint.Port != 0 && FreePorts.Busy(endpoint) is { } ex)
        {
            throw new IOException($"the {name} endpoint {endpoint} cannot be opened: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Restarts this process with glibc's malloc arenas capped from the start when its environment sets no cap
    /// (<see cref="MallocArenas"/>); when that fails, when <c>exgw</c> runs inside another program (tests) or when a
    /// stop has been asked for already, caps the arenas still to be made and returns that cap.
    /// </summary>
    private static int? CapArenas(string name, Shutdown shutdown)
    {
        if (MallocArenas.Wanted() is not { } arenas)
        {
            return null;
        }

        // Inside another program (tests), or once asked to stop (the new process would not know): no restart.
        if (Assembly.GetEntryAssembly() != typeof(GatewayCommand).Assembly || shutdown.Requested)
        {
            return MallocArenas.Limit(arenas);
        }

        Console.Out.WriteLine($"{name}: restarting with {MallocArenas.Variable}={arenas} (one malloc arena a " +
            "processor, at least two); set the variable to choose another cap");
        var reason = MallocArenas.Restart(arenas);
        Console.Error.WriteLine($"{name}: could not restart ({reason})");
        return MallocArenas.Limit(arenas);
    }
}
