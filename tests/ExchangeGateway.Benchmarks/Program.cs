using ExchangeGateway.Benchmarks.Archive;
using ExchangeGateway.Benchmarks.Roles;
using ExchangeGateway.Benchmarks.Run;
using ExchangeGateway.Benchmarks.Signing;

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
        // A one-process benchmark takes its own options only: a misspelt one is refused, not ignored.
        Arguments Only(IReadOnlySet<string> options) => Arguments.Parse(rest, options: options);
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
                "signing" => await SigningBenchmark.RunAsync(Only(SigningBenchmark.Options)).ConfigureAwait(false),
                "archive" => await ArchiveBenchmark.RunAsync(Only(ArchiveBenchmark.Options)).ConfigureAwait(false),
                "archive-verify" => ArchiveBenchmark.Verify(rest),
                "stamping" => await StampingBenchmark.RunAsync(Only(StampingBenchmark.Options)).ConfigureAwait(false),
                "appends" => await AppendBenchmark.RunAsync(Only(AppendBenchmark.Options)).ConfigureAwait(false),
                "floor" => await FloorBenchmark.RunAsync(Only(FloorBenchmark.Options)).ConfigureAwait(false),
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
