using ExchangeGateway.Benchmarks.Processes;
using ExchangeGateway.Benchmarks.Report;
using ExchangeGateway.Benchmarks.Setup;
using ExchangeGateway.Core.Envelopes;
using ExchangeGateway.Core.Federation;
using System.Security.Cryptography.X509Certificates;

namespace ExchangeGateway.Benchmarks.Run;

/// <summary>
/// The whole benchmark: one phase per load generator, each on processes started for it, then the report.
/// </summary>
/// <remarks>
/// Stages: (1) the work folder, the guard process, the PKI and the signed federation configuration; (2) per load
/// generator, the processes, the points, and the processes stopped; (3) both message logs of the phase verified
/// and their records counted per window; (4) medians, ratios, and the report written as JSON, Markdown and a
/// plot. Whatever happens, every process started is stopped before the run returns.
/// </remarks>
internal sealed class BenchmarkRun(BenchmarkOptions options, string commandLine, Action<string> progress)
{
    private readonly List<string> _notes = [];

    public async Task<BenchmarkReport> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var tools = Tools.Find();
        var machine = MachineInfo.Read(tools);
        var work = Directory.CreateTempSubdirectory("exgw-bench-").FullName;
        var (fileName, prefix) = SelfCommand.Resolve();

        // (1)
        var guard = ChildProcess.Start("guard", fileName, [.. prefix, "guard"], Path.Combine(work, "guard.log"), null);
        var phases = new List<PhaseReport>();
        var passed = true;
        try
        {
            var ports = new FreePorts();
            var consumerExchange = ports.Next();
            var providerExchange = ports.Next();
            var tsa = ports.Next();
            var federation = BenchmarkFederation.Create(work, consumerExchange, providerExchange, tsa);
            var requests = options.Payloads.ToDictionary(p => p, p => GrpcRequestFile.Write(work, p));
            var context = new PhaseContext(work, ports, federation, consumerExchange, providerExchange, tsa,
                requests, tools, guard);
            NoteMissingTools(tools);

            // (2) and (3)
            foreach (var generator in options.Generators.Where(g => g != "h2load" || tools.H2Load is not null))
            {
                var phase = await RunPhaseAsync(context, generator, cancellationToken).ConfigureAwait(false);
                if (phase is null)
                {
                    passed = false;
                    continue;
                }

                phases.Add(phase);
                passed &= Judge(phase);
            }
        }
        finally
        {
            await guard.StopAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            await guard.DisposeAsync().ConfigureAwait(false);
            if (options.KeepWork)
            {
                _notes.Add($"work folder kept: {work}");
            }
            else
            {
                Directory.Delete(work, recursive: true);
            }
        }

        // (4)
        return new BenchmarkReport
        {
            Command = commandLine,
            Label = options.Label,
            StartedAt = startedAt,
            FinishedAt = DateTimeOffset.UtcNow,
            Quick = options.Quick,
            Machine = machine,
            Settings = new SettingsReport(options.Concurrencies, options.Payloads, options.WarmupSeconds,
                options.DurationSeconds, options.Repetitions,
                options.MessageLogDirectory ?? "the work folder",
                MachineInfo.FileSystemOf(options.MessageLogDirectory ?? work), options.GatewayLogging)
            {
                StampSeconds = options.StampSeconds,
                WarmupWindows = options.WarmupWindows,
            },
            Phases = phases,
            Ratios = phases.SelectMany(Summaries.Ratios).ToList(),
            Notes = _notes,
            Passed = passed && phases.Count > 0,
        };
    }

    private async Task<PhaseReport?> RunPhaseAsync(
        PhaseContext context, string generator, CancellationToken cancellationToken)
    {
        progress($"{generator}: starting registry, proxies and gateways");
        List<RunRecord> runs;
        IReadOnlyList<string> paths;
        IReadOnlyList<WarmupRecord> warmups;
        string consumerLog;
        string providerLog;
        PhaseRunner runner;
        try
        {
            runner = await PhaseRunner.StartAsync(options, context, generator, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException)
        {
            return Failed(generator, "could not start", ex);
        }

        await using (runner.ConfigureAwait(false))
        {
            try
            {
                runs = await runner.RunPointsAsync(progress, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException)
            {
                return Failed(generator, "failed", ex);
            }

            paths = runner.Paths;
            warmups = runner.Warmups;
            consumerLog = runner.ConsumerLog;
            providerLog = runner.ProviderLog;
            await runner.StopAsync().ConfigureAwait(false);
        }

        progress($"{generator}: verifying both message logs");
        var (logs, evidence) = await AuditAsync(context.Federation, consumerLog, providerLog, runs)
            .ConfigureAwait(false);
        runs = runs.Select((r, i) => evidence.TryGetValue(i, out var e) ? r with { Evidence = e } : r).ToList();
        return new PhaseReport
        {
            Generator = generator,
            GeneratorDescription = generator == "dotnet"
                ? "our .NET client (Grpc.Net.Client, one channel, N concurrent callers)"
                : $"{Tools.FirstLine(context.Tools.H2Load, "--version")} (-c 1 -m N, pre-framed gRPC request body)",
            Paths = paths.ToDictionary(p => p, p => PathNames.Describe(p, generator)),
            Runs = runs,
            Points = Summaries.Points(runs),
            Logs = logs,
            Warmups = warmups,
        };
    }

    /// <summary>
    /// A phase passes when every call inside every window succeeded (as its generator saw it), both message logs
    /// verified, and in every gateway-pair window each gateway logged about two records per call (its evidence
    /// work was done). Calls logged as failed also fail a .NET phase, whose generator never abandons a call;
    /// h2load resets the calls in flight when its time is up, and what the gateways log for those is noted.
    /// </summary>
    private bool Judge(PhaseReport phase)
    {
        var failures = phase.Runs.Where(r => r.Failures > 0).ToList();
        foreach (var run in failures)
        {
            _notes.Add($"{phase.Generator}: {run.Path} c={run.Concurrency} payload={run.PayloadBytes} rep " +
                $"{run.Repetition}: {run.Failures} failed calls, first: {run.FirstFailure}");
        }

        var unverified = phase.Logs.Where(l => !l.Verified).ToList();
        foreach (var log in unverified)
        {
            _notes.Add($"{phase.Generator}: {log.Gateway} message log did NOT verify: {log.Failure}");
        }

        var logged = phase.Logs.Where(l => l.NotOk > 0).ToList();
        foreach (var log in logged)
        {
            _notes.Add($"{phase.Generator}: {log.Gateway} logged {log.NotOk} calls as failed " +
                $"({string.Join("; ", log.FailedOutcomes)})" + (phase.Generator == "h2load"
                    ? "; h2load resets the calls in flight when its time is up, so these are calls it abandoned"
                    : ""));
        }

        var missing = phase.Runs.Where(r => r.Evidence is not null && r.Evidence.Values.Any(
            e => e.Records < (2 * r.Requests) - (2 * r.Concurrency))).ToList();
        foreach (var run in missing)
        {
            _notes.Add($"{phase.Generator}: gateway-pair c={run.Concurrency} payload={run.PayloadBytes} rep " +
                $"{run.Repetition}: fewer log records than two per call");
        }

        return failures.Count == 0 && unverified.Count == 0 && missing.Count == 0
            && (phase.Generator == "h2load" || logged.Count == 0);
    }

    private PhaseReport? Failed(string generator, string what, Exception ex)
    {
        _notes.Add($"{generator}: phase {what}: {ex.Message}");
        progress($"{generator}: phase {what}: {ex.Message}");
        return null;
    }

    private static async Task<(List<LogReport> Logs, Dictionary<int, Dictionary<string, WindowTally>> Evidence)>
        AuditAsync(BenchmarkFederation federation, string consumerLog, string providerLog, List<RunRecord> runs)
    {
        var anchors = new X509Certificate2Collection();
        anchors.ImportFromPemFile(federation.AnchorPath);
        if (!FederationConfigurationReader.TryRead(File.ReadAllBytes(federation.DocumentPath),
                File.ReadAllBytes(federation.DocumentPath + ".p7s"), anchors, DateTimeOffset.UtcNow,
                out var configuration, out var errors))
        {
            throw new InvalidOperationException($"federation configuration refused: {string.Join("; ", errors)}");
        }

        var indexes = runs.Select((r, i) => (r, i)).Where(x => x.r.Path == PathNames.GatewayPair)
            .Select(x => x.i).ToList();
        var windows = indexes.Select(i => (runs[i].StartedAt, runs[i].EndedAt)).ToList();
        // The two logs are verified side by side: signature checks dominate, and the machine has two cores.
        var results = await Task.WhenAll(
            Task.Run(() => LogAudit.Run("consumer-gw", consumerLog, EnvelopeKind.Request, configuration, windows)),
            Task.Run(() => LogAudit.Run("provider-gw", providerLog, EnvelopeKind.Response, configuration, windows)))
            .ConfigureAwait(false);
        var evidence = indexes.Select((runIndex, w) => (runIndex, w)).ToDictionary(
            x => x.runIndex,
            x => new Dictionary<string, WindowTally>
            {
                ["consumer-gw"] = results[0].Tallies[x.w],
                ["provider-gw"] = results[1].Tallies[x.w],
            });
        return (results.Select(r => r.Report).ToList(), evidence);
    }

    private void NoteMissingTools(Tools tools)
    {
        if (tools.Nginx is null && options.Paths.Contains(PathNames.ProxyPair))
        {
            _notes.Add("proxy pair skipped: nginx is not on PATH (apt-get install nginx)");
        }

        if (tools.H2Load is null && options.Generators.Contains("h2load"))
        {
            _notes.Add("h2load skipped: it is not on PATH (apt-get install nghttp2-client)");
        }
    }
}
