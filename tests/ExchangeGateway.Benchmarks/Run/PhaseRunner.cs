using System.Diagnostics;
using System.Text.Json;
using ExchangeGateway.Benchmarks.Load;
using ExchangeGateway.Benchmarks.Processes;
using ExchangeGateway.Benchmarks.Report;
using ExchangeGateway.Benchmarks.Roles;
using ExchangeGateway.Benchmarks.Setup;

namespace ExchangeGateway.Benchmarks.Run;

/// <summary>
/// One load generator's share of the run: the processes started for it, every point driven through every path,
/// and the processes stopped again so that the gateways' message logs can be verified.
/// </summary>
/// <remarks>
/// Stages: (1) the registry, the nginx pair (when installed) and the gateway pair, each its own process, and the
/// .NET load generator; (2) one call through every path, so a broken path fails the phase at once; (3) a warm-up of
/// every path at every payload, at the first until its runtimes stop compiling; (4) the points: repetition by
/// repetition, payload by payload, concurrency by concurrency, the paths one after the other, so that drift over
/// time hits all paths alike.
/// </remarks>
internal sealed partial class PhaseRunner : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly BenchmarkOptions _options;
    private readonly PhaseContext _context;
    private readonly string _directory;
    private readonly List<ChildProcess> _processes = [];
    private readonly List<WarmupRecord> _warmups = [];
    private ChildProcess _registry = null!;
    private ChildProcess _consumer = null!;
    private ChildProcess _provider = null!;
    private ChildProcess _load = null!;
    private ChildProcess? _relayFront;
    private ChildProcess? _relayBack;
    private int _relayTlsPort;
    private int _relayPlainPort;
    private NginxPair? _nginx;
    private H2Load? _h2load;
    private int _consumerClientPort;

    private PhaseRunner(BenchmarkOptions options, PhaseContext context, string generator)
    {
        _options = options;
        _context = context;
        Generator = generator;
        _directory = Path.Combine(context.WorkDirectory, generator);
        Directory.CreateDirectory(_directory);
    }

    /// <summary>The share of a warm-up window that the path's runtimes may spend compiling for the path to count
    /// as warm.</summary>
    public const double SteadyCompiling = 0.02;

    public string Generator { get; }

    /// <summary>The warm-up windows each path got before the points, in order.</summary>
    public IReadOnlyList<WarmupRecord> Warmups => _warmups;

    public string ConsumerLog { get; private set; } = "";

    public string ProviderLog { get; private set; } = "";

    public IReadOnlyList<string> Paths => _options.Paths.Where(p => p != PathNames.ProxyPair || _nginx is not null)
        .ToList();

    public static async Task<PhaseRunner> StartAsync(
        BenchmarkOptions options, PhaseContext context, string generator, CancellationToken cancellationToken)
    {
        var runner = new PhaseRunner(options, context, generator);
        try
        {
            await runner.StartProcessesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await runner.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return runner;
    }

    /// <summary>Drives every point; returns one record per measured window.</summary>
    public async Task<List<RunRecord>> RunPointsAsync(Action<string> progress, CancellationToken cancellationToken)
    {
        // (2) The first call through a path is slow (connections, handshakes, code compiled): it gets the warm-up,
        // and on a busy machine a second and a third chance to finish one call inside the window.
        foreach (var path in Paths)
        {
            await ProbeAsync(path, cancellationToken).ConfigureAwait(false);
        }

        // (3)
        foreach (var payload in _options.Payloads)
        {
            foreach (var path in Paths)
            {
                var windows = payload == _options.Payloads[0] ? _options.WarmupWindows : 1;
                var warmup = await WarmAsync(path, payload, windows, cancellationToken).ConfigureAwait(false);
                _warmups.Add(warmup);
                progress($"{Generator} warm-up {path} payload={payload}: {warmup.RequestsPerSecond.Count} " +
                    $"window(s), req/s (compiling) {warmup.Describe()}");
            }
        }

        // (4)
        var runs = new List<RunRecord>();
        for (var repetition = 1; repetition <= _options.Repetitions; repetition++)
        {
            foreach (var payload in _options.Payloads)
            {
                foreach (var concurrency in _options.Concurrencies)
                {
                    foreach (var path in Paths)
                    {
                        var run = await MeasureAsync(path, concurrency, payload, repetition, cancellationToken)
                            .ConfigureAwait(false);
                        runs.Add(run);
                        progress($"{Generator} rep {repetition} {path} c={concurrency} payload={payload}: " +
                            $"{Units.Number(run.RequestsPerSecond, "0")} req/s, " +
                            $"p50 {Units.Number(run.P50Milliseconds, "0.00")} ms, " +
                            $"p99 {Units.Number(run.P99Milliseconds, "0.00")} ms, failures {run.Failures}");
                    }
                }
            }
        }

        return runs;
    }

    /// <summary>
    /// Warm-up windows of 16 concurrent calls through <paramref name="path"/>, at most <paramref name="windows"/>,
    /// until one in which the tiered compilation workers of the path's processes and the .NET load generator used
    /// less than <see cref="SteadyCompiling"/> of the window; the calls a second of each window.
    /// </summary>
    /// <remarks>
    /// One window was not enough on a slower machine: the gateway pair took some 20 s of load before its calls a
    /// second stopped climbing, while each gateway's compilation worker used up to three quarters of a core
    /// compiling the message path's code again, optimized; the first points measured gateways still compiling.
    /// The throughput alone is no signal: it stood still for seconds at a time while that went on.
    /// </remarks>
    private async Task<WarmupRecord> WarmAsync(
        string path, int payload, int windows, CancellationToken cancellationToken)
    {
        var processes = WatchOf(path).Values.SelectMany(p => p).Append(_load.Id).ToList();
        var rates = new List<double>();
        var compiling = new List<double>();
        while (rates.Count < windows && (compiling.Count == 0 || compiling[^1] >= SteadyCompiling))
        {
            // Over the whole window, asks and start of the load included: a share of at most the cores.
            var before = processes.SelectMany(ThreadStat.CompilerSeconds).ToDictionary();
            var started = Stopwatch.GetTimestamp();
            var run = await MeasureAsync(path, 16, payload, 0, cancellationToken).ConfigureAwait(false);
            var seconds = processes.SelectMany(ThreadStat.CompilerSeconds)
                .Sum(worker => worker.Value - before.GetValueOrDefault(worker.Key));
            compiling.Add(seconds / Math.Max(Stopwatch.GetElapsedTime(started).TotalSeconds, 0.001));
            rates.Add(run.RequestsPerSecond);
        }

        return new WarmupRecord(path, payload, rates, compiling);
    }

    private async Task ProbeAsync(string path, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var probe = await DotnetAsync(path, 1, 1024, 2, attempt, cancellationToken).ConfigureAwait(false);
            if (probe.Failures > 0 || probe.FirstFailure is not null)
            {
                throw new InvalidOperationException($"{Generator}: path {path} does not work: {probe.FirstFailure}");
            }

            if (probe.Requests > 0)
            {
                return;
            }
        }

        throw new InvalidOperationException($"{Generator}: path {path} completed no call in three tries");
    }

    /// <summary>Stops the gateways (closing their message logs) and everything else of this phase.</summary>
    public async Task StopAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes))
        {
            await process.StopAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }

        if (_nginx is not null)
        {
            await _nginx.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes))
        {
            await process.DisposeAsync().ConfigureAwait(false);
        }

        if (_nginx is not null)
        {
            await _nginx.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task StartProcessesAsync(CancellationToken cancellationToken)
    {
        // (1)
        var ports = _context.Ports;
        var registryTls = ports.Next();
        var registryPlain = ports.Next();
        _registry = await StartRoleAsync("registry", cancellationToken, "registry",
            "--tls-port", $"{registryTls}", "--plain-port", $"{registryPlain}",
            "--pki", _context.Federation.Pki.Directory, "--certificate", "registry-gateway").ConfigureAwait(false);
        RegistryTlsPort = registryTls;
        if (_options.Paths.Contains(PathNames.ProxyPair) && _context.Tools.Nginx is { } nginx)
        {
            _nginx = await NginxPair.StartAsync(nginx, Path.Combine(_directory, "nginx"),
                _context.Federation.Pki.Directory, registryPlain, ports, _context.Guard, cancellationToken)
                .ConfigureAwait(false);
        }

        if (_options.Paths.Contains(PathNames.RelayPair))
        {
            await StartRelaysAsync(registryPlain, cancellationToken).ConfigureAwait(false);
        }

        // The time-stamping authority the federation lists: both gateways stamp their logs every interval.
        await StartRoleAsync("tsa", cancellationToken, "tsa", "--port", $"{_context.TsaPort}",
            "--pki", _context.Federation.Pki.Directory).ConfigureAwait(false);

        var logs = _options.MessageLogDirectory is { } shared
            ? Path.Combine(Path.GetFullPath(shared), Generator)
            : Path.Combine(_directory, "messagelogs");
        ConsumerLog = Path.Combine(logs, "consumer.db");
        ProviderLog = Path.Combine(logs, "provider.db");
        _consumerClientPort = ports.Next();
        var provider = _context.Federation.WriteProvider(Path.Combine(_directory, "provider"), ports.Next(),
            _context.ProviderExchangePort, new Uri($"http://127.0.0.1:{registryPlain}"), ProviderLog,
            _options.StampSeconds);
        var consumer = _context.Federation.WriteConsumer(Path.Combine(_directory, "consumer"), _consumerClientPort,
            _context.ConsumerExchangePort, plain: Generator == "h2load", ConsumerLog, _options.StampSeconds);
        _provider = await StartRoleAsync("provider-gw", _options.GatewayEnvironment, cancellationToken, "gateway",
            "--config", provider, "--logging", _options.GatewayLogging).ConfigureAwait(false);
        _consumer = await StartRoleAsync("consumer-gw", _options.GatewayEnvironment, cancellationToken, "gateway",
            "--config", consumer, "--logging", _options.GatewayLogging).ConfigureAwait(false);
        _load = await StartRoleAsync("load-generator", cancellationToken, "load",
            "--pki", _context.Federation.Pki.Directory, "--client-certificate", "consumer-client",
            "--xroad-client", BenchmarkFederation.XRoadClient, "--xroad-service", BenchmarkFederation.XRoadService)
            .ConfigureAwait(false);
        if (Generator == "h2load")
        {
            _h2load = new H2Load(_context.Tools.H2Load!, _directory, _context.Guard);
        }
    }

    private int RegistryTlsPort { get; set; }

    /// <summary>The relay pair: the back relay in front of the registry, the front relay in front of it.</summary>
    private async Task StartRelaysAsync(int registryPlainPort, CancellationToken cancellationToken)
    {
        var ports = _context.Ports;
        var pki = _context.Federation.Pki.Directory;
        var back = ports.Next();
        _relayTlsPort = ports.Next();
        _relayPlainPort = ports.Next();
        _relayBack = await StartRoleAsync("relay-back", cancellationToken, "relay", "--port", $"{back}",
            "--upstream", $"http://127.0.0.1:{registryPlainPort}", "--pki", pki, "--certificate", "back-gateway")
            .ConfigureAwait(false);
        _relayFront = await StartRoleAsync("relay-front", cancellationToken, "relay", "--port", $"{_relayTlsPort}",
            "--plain-port", $"{_relayPlainPort}", "--upstream", $"https://127.0.0.1:{back}", "--pki", pki,
            "--certificate", "front-gateway").ConfigureAwait(false);
    }

    private Task<ChildProcess> StartRoleAsync(
        string name, CancellationToken cancellationToken, params string[] arguments) =>
        StartRoleAsync(name, null, cancellationToken, arguments);

    private async Task<ChildProcess> StartRoleAsync(
        string name, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken,
        params string[] arguments)
    {
        var (fileName, prefix) = SelfCommand.Resolve();
        var process = ChildProcess.Start(name, fileName, [.. prefix, .. arguments],
            Path.Combine(_directory, $"{name}.log"), _context.Guard, environment);
        _processes.Add(process);
        await process.ReceiveAsync("READY", StartTimeout, cancellationToken).ConfigureAwait(false);
        return process;
    }

    private (Uri Target, string Tls) TargetOf(string path)
    {
        var plain = Generator == "h2load";
        return path switch
        {
            PathNames.Direct => (new Uri($"https://127.0.0.1:{RegistryTlsPort}"), "server"),
            PathNames.ProxyPair => plain
                ? (new Uri($"http://127.0.0.1:{_nginx!.FrontPlainPort}"), "none")
                : (new Uri($"https://127.0.0.1:{_nginx!.FrontTlsPort}"), "mutual"),
            PathNames.RelayPair => plain
                ? (new Uri($"http://127.0.0.1:{_relayPlainPort}"), "none")
                : (new Uri($"https://127.0.0.1:{_relayTlsPort}"), "mutual"),
            _ => plain
                ? (new Uri($"http://127.0.0.1:{_consumerClientPort}"), "none")
                : (new Uri($"https://127.0.0.1:{_consumerClientPort}"), "mutual"),
        };
    }

    private Dictionary<string, int[]> WatchOf(string path) => path switch
    {
        PathNames.Direct => new() { ["registry"] = [_registry.Id] },
        PathNames.ProxyPair => new()
        {
            ["nginx-front"] = _nginx!.FrontProcesses, ["nginx-back"] = _nginx.BackProcesses,
            ["registry"] = [_registry.Id],
        },
        PathNames.RelayPair => new()
        {
            ["relay-front"] = [_relayFront!.Id], ["relay-back"] = [_relayBack!.Id], ["registry"] = [_registry.Id],
        },
        _ => new()
        {
            ["consumer-gw"] = [_consumer.Id], ["provider-gw"] = [_provider.Id], ["registry"] = [_registry.Id],
        },
    };

    private async Task<LoadResult> DotnetAsync(
        string path, int concurrency, int payload, double warmup, double duration, CancellationToken cancellationToken)
    {
        var (target, tls) = TargetOf(path);
        var command = new LoadCommand
        {
            Target = target.ToString(),
            Tls = tls,
            Concurrency = concurrency,
            PayloadBytes = payload,
            WarmupSeconds = warmup,
            DurationSeconds = duration,
            Watch = WatchOf(path),
        };
        _load.Send(JsonSerializer.Serialize(command, ReadyLine.Json));
        var body = await _load.ReceiveAsync("RESULT", TimeSpan.FromSeconds(warmup + duration + 90), cancellationToken)
            .ConfigureAwait(false);
        return JsonSerializer.Deserialize<LoadResult>(body, ReadyLine.Json)
            ?? throw new InvalidOperationException("the load generator sent an empty result");
    }
}
