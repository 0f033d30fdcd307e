using ExchangeGateway.Benchmarks.Roles;
using ExchangeGateway.Benchmarks.Run;

namespace ExchangeGateway.Benchmarks;

/// <summary>
/// The benchmark program. Without a role it runs the benchmark; the benchmark starts copies of itself in roles so
/// that every part (registry, gateways, load generator) is its own process with its own CPU and memory figures.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.Out.WriteLine(BenchmarkCommand.Help);
            return 0;
        }

        var role = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "run";
        var rest = role == "run" && (args.Length == 0 || args[0].StartsWith('-')) ? args : args[1..];
        try
        {
            return role switch
            {
                "run" => await BenchmarkCommand.RunAsync(rest).ConfigureAwait(false),
                "registry" => await RegistryRole.RunAsync(Arguments.Parse(rest)).ConfigureAwait(false),
                "tsa" => await TsaRole.RunAsync(Arguments.Parse(rest)).ConfigureAwait(false),
                "relay" => await RelayRole.RunAsync(Arguments.Parse(rest)).ConfigureAwait(false),
                "gateway" => await GatewayRole.RunAsync(Arguments.Parse(rest)).ConfigureAwait(false),
                "load" => await LoadRole.RunAsync(Arguments.Parse(rest)).ConfigureAwait(false),
                "guard" => await GuardRole.RunAsync().ConfigureAwait(false),
                "signing" => await Signing.SigningBenchmark.RunAsync(Arguments.Parse(rest)).ConfigureAwait(false),
                "archive" => await Archive.ArchiveBenchmark.RunAsync(Arguments.Parse(rest)).ConfigureAwait(false),
                "archive-verify" => Archive.ArchiveBenchmark.Verify(rest),
                "stamping" => await Archive.StampingBenchmark.RunAsync(Arguments.Parse(rest)).ConfigureAwait(false),
                "appends" => await Archive.AppendBenchmark.RunAsync(Arguments.Parse(rest)).ConfigureAwait(false),
                "floor" => await Archive.FloorBenchmark.RunAsync(Arguments.Parse(rest)).ConfigureAwait(false),
                "compare" => await Report.Comparison.RunAsync(rest).ConfigureAwait(false),
                _ => Usage($"unknown role '{role}'"),
            };
        }
        catch (ArgumentException ex)
        {
            return Usage(ex.Message);
        }
    }

    private static int Usage(string problem)
    {
        Console.Error.WriteLine(problem);
        Console.Error.WriteLine(BenchmarkCommand.Help);
        return 2;
    }
}
