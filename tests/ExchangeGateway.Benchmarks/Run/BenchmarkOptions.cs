using System.Globalization;

namespace ExchangeGateway.Benchmarks.Run;

/// <summary>The benchmark's settings, from its command line. Defaults are the full run of issue 3.</summary>
internal sealed record BenchmarkOptions
{
    public required string OutDirectory { get; init; }

    public bool Quick { get; init; }

    /// <summary>Concurrent calls in flight on the one connection. Default: 1, 16, 64.</summary>
    public IReadOnlyList<int> Concurrencies { get; init; } = [1, 16, 64];

    /// <summary>Payload sizes, request and reply alike. Default: 1 KiB, 64 KiB, 1 MiB.</summary>
    public IReadOnlyList<int> Payloads { get; init; } = [1024, 64 * 1024, 1024 * 1024];

    /// <summary>Warm-up before each measured window, in seconds. Default: 1.</summary>
    public double WarmupSeconds { get; init; } = 1;

    /// <summary>
    /// The most warm-up windows (of <see cref="WarmupSeconds"/> each, 16 concurrent calls) a path gets at the first
    /// payload, repeated until its runtimes stop compiling (<see cref="PhaseRunner.SteadyCompiling"/>): the
    /// processes compile the message path's code under load first. Default: 60; 1 in quick mode.
    /// </summary>
    public int WarmupWindows { get; init; } = 60;

    /// <summary>The measured window of each point, in seconds. Default: 3.</summary>
    public double DurationSeconds { get; init; } = 3;

    /// <summary>Repetitions of every point; medians are quoted. Default: 3.</summary>
    public int Repetitions { get; init; } = 3;

    /// <summary>
    /// Load generators to use, of <c>dotnet</c> and <c>h2load</c>. Default: both (h2load when on PATH).
    /// </summary>
    public IReadOnlyList<string> Generators { get; init; } = ["dotnet", "h2load"];

    /// <summary>Paths to drive, of <c>direct</c>, <c>proxy-pair</c>, <c>relay-pair</c>, <c>gateway-pair</c>.
    /// Default: all four.</summary>
    public IReadOnlyList<string> Paths { get; init; } =
        [PathNames.Direct, PathNames.ProxyPair, PathNames.RelayPair, PathNames.GatewayPair];

    /// <summary>
    /// Where the gateways' message logs go (for experiments, e.g. a tmpfs). Default: the work folder.
    /// </summary>
    public string? MessageLogDirectory { get; init; }

    /// <summary>
    /// Gateway diagnostic logging: <c>console+file</c> as <c>exgw gateway</c> (default), <c>file</c>, <c>none</c>.
    /// </summary>
    public string GatewayLogging { get; init; } = "console+file";

    /// <summary>Environment variables added to the gateways' processes only (an experiment, e.g. a runtime
    /// setting). Default: none.</summary>
    public IReadOnlyDictionary<string, string> GatewayEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>Seconds between the gateways' time-stamping rounds: the gateway's own default (60 s) unless
    /// asked; 5 s in quick mode, so that its short run stamps too.</summary>
    public int StampSeconds { get; init; } = 60;

    /// <summary>Keep the work folder (configurations, PKI, logs, message logs) after the run.</summary>
    public bool KeepWork { get; init; }

    /// <summary>No run: the benchmark.json whose report, plots and ratios are written again.</summary>
    public string? Render { get; init; }

    /// <summary>A label for an experiment, printed in the report.</summary>
    public string? Label { get; init; }

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var parsed = Arguments.Parse(args, Arguments.Names("--quick", "--keep-work"), Arguments.Names(
            "--out", "--concurrency", "--payloads", "--warmup", "--duration", "--warmup-windows", "--repetitions",
            "--generators", "--paths", "--message-log-dir", "--gateway-logging", "--gateway-env", "--stamp-interval",
            "--label", "--render"));
        var quick = parsed.Has("--quick");
        var options = new BenchmarkOptions { OutDirectory = parsed.Required("--out"), Quick = quick };
        if (quick)
        {
            options = options with
            {
                Concurrencies = [16], Payloads = [1024], WarmupSeconds = 0.5, DurationSeconds = 1.5, Repetitions = 1,
                StampSeconds = 5, WarmupWindows = 1,
            };
        }

        return options with
        {
            Concurrencies = Integers(parsed.Optional("--concurrency")) ?? options.Concurrencies,
            Payloads = Integers(parsed.Optional("--payloads")) ?? options.Payloads,
            WarmupSeconds = Seconds(parsed.Optional("--warmup")) ?? options.WarmupSeconds,
            DurationSeconds = Seconds(parsed.Optional("--duration")) ?? options.DurationSeconds,
            WarmupWindows = Integers(parsed.Optional("--warmup-windows"))?[0] ?? options.WarmupWindows,
            Repetitions = Integers(parsed.Optional("--repetitions"))?[0] ?? options.Repetitions,
            Generators = Names(parsed.Optional("--generators"), ["dotnet", "h2load"]) ?? options.Generators,
            Paths = Names(parsed.Optional("--paths"), options.Paths) ?? options.Paths,
            MessageLogDirectory = parsed.Optional("--message-log-dir"),
            GatewayLogging = parsed.Optional("--gateway-logging") ?? options.GatewayLogging,
            GatewayEnvironment = Environment(parsed.Optional("--gateway-env")) ?? options.GatewayEnvironment,
            StampSeconds = Integers(parsed.Optional("--stamp-interval"))?[0] ?? options.StampSeconds,
            KeepWork = parsed.Has("--keep-work"),
            Label = parsed.Optional("--label"),
            Render = parsed.Optional("--render"),
        };
    }

    private static Dictionary<string, string>? Environment(string? text) => text?.Split(',')
        .Select(pair => pair.Split('=', 2))
        .Select(parts => parts.Length == 2 && parts[0].Length > 0
            ? KeyValuePair.Create(parts[0], parts[1])
            : throw new ArgumentException($"'{string.Join('=', parts)}' is not NAME=VALUE"))
        .ToDictionary(StringComparer.Ordinal);

    private static int[]? Integers(string? text) => text?.Split(',').Select(t =>
        int.TryParse(t, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"'{t}' is not a positive integer")).ToArray();

    private static double? Seconds(string? text) => text is null ? null
        : double.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= 600
            ? value
            : throw new ArgumentException($"'{text}' is not a number of seconds above 0 and at most 600");

    private static string[]? Names(string? text, IReadOnlyList<string> allowed) => text?.Split(',').Select(t =>
        allowed.Contains(t) ? t : throw new ArgumentException($"'{t}' is not one of {string.Join(", ", allowed)}"))
        .ToArray();
}
