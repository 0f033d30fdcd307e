using System.Globalization;
using System.Text;
using ExchangeGateway.Benchmarks.Load;
using ExchangeGateway.Benchmarks.Processes;
using ExchangeGateway.Benchmarks.Run;

namespace ExchangeGateway.Benchmarks.Report;

/// <summary>Writes <c>benchmark.md</c>: the settings, one table per load generator, the ratios, the evidence.</summary>
internal static class MarkdownReport
{
    private static readonly string[] ProcessOrder =
        ["consumer-gw", "provider-gw", "nginx-front", "nginx-back", "relay-front", "relay-back", "registry",
            "load-generator"];

    public static string Write(BenchmarkReport report, IReadOnlyList<string> plots)
    {
        var md = new StringBuilder();
        var s = report.Settings;
        var m = report.Machine;
        md.AppendLine(report.Quick ? "# ExchangeGateway benchmark (quick mode)" : "# ExchangeGateway benchmark");
        md.AppendLine();
        var label = report.Label is null ? "" : $" ({report.Label})";
        var result = report.Passed
            ? "every call the generators counted succeeded (h2load abandons the calls in flight at its time limit: " +
                "the logs count them as cancelled by the client, and the notes name any logged otherwise) and both " +
                "message logs of every phase verified"
            : "FAILED (see notes)";
        md.AppendLine(Inv($"- command: `{report.Command}`{label}"));
        md.AppendLine(Inv($"- run: {report.StartedAt:yyyy-MM-dd HH:mm} to {report.FinishedAt:HH:mm} UTC; {result}"));
        md.AppendLine(Inv($"- machine: {m.LogicalCpus} x {m.Cpu}, {m.MemoryGiB} GiB, Linux {m.Kernel}, ")
            + Inv($"{m.Runtime}, {m.BuildConfiguration} build; {m.Nginx ?? "no nginx"}; {m.H2Load ?? "no h2load"}"));
        md.AppendLine(Inv($"- source (when the run started): {m.Source()}"));
        md.AppendLine(Inv($"- load: warm-up {s.WarmupSeconds} s then {s.DurationSeconds} s measured per point, ")
            + Inv($"{s.Repetitions} repetition{(s.Repetitions == 1 ? "" : "s")}, medians; ")
            + "one HTTP/2 connection carrying N concurrent calls; "
            + "the registry echoes, so request and reply carry the payload");
        var stamping = s.StampSeconds > 0
            ? Inv($", RFC 3161 time-stamping of both logs every {s.StampSeconds} s by a TSA process")
            : "";
        md.AppendLine("- gateways: production settings (mutual TLS between gateways, signing, verification, SQLite "
            + $"message log in WAL with full sync{stamping}) and `exgw gateway` logging "
            + Inv($"({s.GatewayLogging}); message logs on {s.MessageLogFileSystem} ({s.MessageLogDirectory})"));
        md.AppendLine("- CPU: user + system time of each process over the measured window (/proc/PID/stat), per " +
            "successful call, in microseconds; nginx figures are master and workers together. Peak memory: VmHWM, " +
            "reset before each point. Other load: the share of all cores busy with any other process during the " +
            "window (/proc/stat less the processes listed), i.e. how disturbed the figure is. Idle: the share of all " +
            "cores no process used (I/O wait included): a path that leaves cores idle while calls queue waits on " +
            "something other than the processor");
        foreach (var phase in report.Phases)
        {
            Phase(md, phase, s);
        }

        Ratios(md, report.Ratios);
        Logs(md, report.Phases);
        foreach (var plot in plots)
        {
            md.AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"![throughput and p99 against concurrency]({plot})");
        }

        if (report.Notes.Count > 0)
        {
            md.AppendLine().AppendLine("## Notes").AppendLine();
            foreach (var note in report.Notes)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
            }
        }

        return md.ToString();
    }

    private static void Phase(StringBuilder md, PhaseReport phase, SettingsReport settings)
    {
        md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## Generator: {phase.Generator}").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Figures by {phase.GeneratorDescription}. Paths:").AppendLine();
        foreach (var (path, description) in phase.Paths)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {path}: {description}");
        }

        Warmups(md, phase, settings.WarmupWindows);
        md.AppendLine();
        md.AppendLine("| path | payload | conc | req/s | p50 ms | p99 ms | CPU µs per call | " +
            "peak RSS MiB (largest of the repetitions) | other load | idle | failures |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---|---|---:|---:|---:|");
        foreach (var point in Ordered(phase.Points))
        {
            var cpu = string.Join(", ", ProcessOrder.Where(point.CpuSecondsPerRequest.ContainsKey)
                .Select(p => $"{Short(p)} {Units.Number(point.CpuSecondsPerRequest[p] * 1e6, "0")}"));
            var rss = string.Join(", ", ProcessOrder.Where(point.PeakResidentMiB.ContainsKey)
                .Select(p => $"{Short(p)} {Units.Number(point.PeakResidentMiB[p], "0")}"));
            var thin = SlowerThanWindow(point, phase) ? " *" : "";
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {point.Path} | {Units.Payload(point.PayloadBytes)} | {point.Concurrency} | " +
                $"{Units.Number(point.RequestsPerSecond, "0")}{thin} | " +
                $"{Units.Number(point.P50Milliseconds, "0.00")} | " +
                $"{Units.Number(point.P99Milliseconds, "0.00")} | {cpu} | {rss} | " +
                $"{Units.Number(point.OtherCpuPercent, "0")} % | {Idle(point)} | {point.Failures} |");
        }

        if (phase.Points.Any(p => SlowerThanWindow(p, phase)))
        {
            md.AppendLine().AppendLine("\\* fewer calls ended inside a window than twice the calls in flight: most " +
                "calls outlived the window, so its percentiles describe only the calls that ended in it (the " +
                "fastest), and the throughput is coarse.");
        }

        Threads(md, phase);
        var evidence = Ordered(phase.Points).Where(p => p.SignedRecordsPerSecond is not null).ToList();
        if (evidence.Count == 0)
        {
            return;
        }

        md.AppendLine().AppendLine("Evidence written by the gateway pair inside the measured windows (from the " +
            "message logs, read after the phase), and the managed memory each gateway allocated per call over the " +
            "point (GC.GetTotalAllocatedBytes over the requests ASP.NET Core counted; pooled buffers are not " +
            "allocations, so a payload-sized figure per copy the message path makes), and the records each log " +
            "made durable per commit, that is per fsync, over the point:").AppendLine();
        md.AppendLine("| payload | conc | signed records/s (consumer, provider) | signatures made/s (consumer, " +
            "provider) | log records per call (consumer, provider) | KiB allocated per call (consumer, provider) | " +
            "records per commit (consumer, provider) |");
        md.AppendLine("|---|---:|---|---|---|---|---|");
        foreach (var point in evidence)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {Units.Payload(point.PayloadBytes)} | {point.Concurrency} | " +
                $"{Pair(point.SignedRecordsPerSecond!, "0")} | {Pair(point.SignaturesPerSecond!, "0")} | " +
                $"{Pair(point.RecordsPerCall!, "0.00")} | {Allocated(point)} | " +
                $"{(point.RecordsPerCommit is { } commits ? Pair(commits, "0.0") : "")} |");
        }

        Stages(md, evidence);
    }

    private static void Threads(StringBuilder md, PhaseReport phase)
    {
        var points = Ordered(phase.Points)
            .Where(p => p.ThreadsPerCall is not null && p.Path is PathNames.RelayPair or PathNames.GatewayPair)
            .ToList();
        if (points.Count == 0)
        {
            return;
        }

        md.AppendLine().AppendLine("Where the relay and gateway pairs' processes spend a call, by thread group " +
            "(`/proc/PID/task/*` over the window, medians): CPU µs per call, and in brackets context switches per " +
            "call, voluntary / involuntary. A switch is voluntary when the thread waits (for work, a lock, the " +
            "disk), involuntary when it could still run: preempted, or yielding the processor as the thread pool's " +
            "idle workers do while they spin for work. Pool: the .NET thread pool's workers; log writer: the " +
            "message log's own thread; sockets: the socket engine's event loop; other: every other thread:")
            .AppendLine();
        md.AppendLine("| path | payload | conc | process | " + string.Join(" | ", ThreadStat.Groups) + " |");
        md.AppendLine("|---|---|---:|---|" + string.Concat(ThreadStat.Groups.Select(_ => "---:|")));
        foreach (var point in points)
        {
            foreach (var process in ProcessOrder.Where(point.ThreadsPerCall!.ContainsKey))
            {
                var groups = point.ThreadsPerCall![process];
                var cells = ThreadStat.Groups.Select(g => groups.TryGetValue(g, out var use)
                    ? Inv($"{use.CpuSeconds * 1e6:0} ({use.Voluntary:0.0} / {use.Involuntary:0.0})")
                    : "");
                md.AppendLine(CultureInfo.InvariantCulture, $"| {point.Path} | {Units.Payload(point.PayloadBytes)} | " +
                    $"{point.Concurrency} | {process} | {string.Join(" | ", cells)} |");
            }
        }
    }

    /// <summary>The stages of a call in the order they happen on each side, as the gateways name them.</summary>
    private static readonly (string Gateway, string Stage)[] StageColumns =
    [
        ("consumer-gw", "consumer seal"), ("consumer-gw", "consumer request-log"),
        ("consumer-gw", "consumer exchange"), ("consumer-gw", "consumer verify"),
        ("consumer-gw", "consumer provider-status"), ("consumer-gw", "consumer response-log"),
        ("consumer-gw", "consumer answered"), ("provider-gw", "provider verify"),
        ("provider-gw", "provider request-log"), ("provider-gw", "provider registry"),
        ("provider-gw", "provider seal"), ("provider-gw", "provider answered"),
        ("provider-gw", "provider response-log"),
    ];

    private static void Stages(StringBuilder md, List<PointSummary> points)
    {
        var measured = points.Where(p => p.StageMicroseconds is not null).ToList();
        if (measured.Count == 0)
        {
            return;
        }

        md.AppendLine().AppendLine("Where a call's time goes in the gateway pair: the median duration of each " +
            "stage in µs, as each gateway's own `exgw.call.stage.duration` instrument measured it over the point " +
            "(warm-up and window). A request record commits while the request travels on, so the consumer's " +
            "request log overlaps its exchange, and the provider's overlaps its registry call. The provider sends " +
            "its answer while its response record commits and its status once the record is durable: the " +
            "consumer's exchange ends with the answer, and after its check the consumer waits for that status " +
            "(provider status; a column empty in runs before the provider sent its answer early). Answered is the " +
            "whole of a call in each gateway's handler, from its arrival until its answer is written (the " +
            "provider's, its message; only calls the provider answered; empty in runs before commit 6e44500): what " +
            "a gateway does beyond the stages is its answered less the stages on its way, and the consumer's " +
            "exchange less the provider's answered is the hop between them, both ways, with the gRPC work outside " +
            "the provider's handler:").AppendLine();
        md.AppendLine("| payload | conc | consumer: seal | request log | exchange | verify | provider status | " +
            "response log | answered | provider: verify | request log | registry | seal | answered | response log |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var point in measured)
        {
            var cells = StageColumns.Select(c =>
                point.StageMicroseconds!.TryGetValue(c.Gateway, out var stages)
                && stages.TryGetValue(c.Stage, out var value)
                    ? value.ToString("0", CultureInfo.InvariantCulture)
                    : "");
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {Units.Payload(point.PayloadBytes)} | {point.Concurrency} | {string.Join(" | ", cells)} |");
        }
    }

    private static void Warmups(StringBuilder md, PhaseReport phase, int windows)
    {
        if (phase.Warmups is not { Count: > 0 } warmups)
        {
            return;
        }

        var each = warmups.Select(w => Inv($"{w.Path} at {Units.Payload(w.PayloadBytes)}: {w.Describe()}"));
        md.AppendLine().AppendLine("Warm-up before the points, 16 concurrent calls a window: the calls a second of " +
            "each window and, in brackets, the share of it that the tiered compilation workers of the path's " +
            "processes and the .NET generator were busy; at the first payload windows follow until that share is " +
            Inv($"below {PhaseRunner.SteadyCompiling:P0}, {windows} window{(windows == 1 ? "" : "s")} at most: ") +
            string.Join("; ", each) + ".");
    }

    private static string Allocated(PointSummary point) => point.AllocatedBytesPerCall is { } bytes
        ? Pair(bytes.ToDictionary(p => p.Key, p => p.Value / 1024), "0.0")
        : "";

    private static void Ratios(StringBuilder md, IReadOnlyList<RatioRow> ratios)
    {
        if (ratios.Count == 0)
        {
            return;
        }

        md.AppendLine().AppendLine("## Ratios (medians)").AppendLine();
        md.AppendLine("| generator | payload | conc | gateway / direct req/s | gateway / proxy pair req/s | " +
            "gateway / relay pair req/s | relay pair / proxy pair req/s | p50 gateway − direct, ms |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var row in ratios.OrderBy(r => r.Generator, StringComparer.Ordinal).ThenBy(r => r.PayloadBytes)
                     .ThenBy(r => r.Concurrency))
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Generator} | {Units.Payload(row.PayloadBytes)} | {row.Concurrency} | " +
                $"{Units.Number(row.GatewayOverDirect, "0.00")} | " +
                $"{Units.Number(row.GatewayOverProxyPair, "0.00")} | " +
                $"{Units.Number(row.GatewayOverRelayPair, "0.00")} | " +
                $"{Units.Number(row.RelayOverProxyPair, "0.00")} | " +
                $"{Units.Number(row.GatewayP50MinusDirectMilliseconds, "0.00")} |");
        }
    }

    private static void Logs(StringBuilder md, IReadOnlyList<PhaseReport> phases)
    {
        md.AppendLine().AppendLine("## Message logs, verified after each phase (MessageLogVerifier, " +
            "StampVerifier)").AppendLine();
        md.AppendLine("| generator | gateway | records | signed | time-stamped (tokens) | failed | " +
            "cancelled by client | verified | seconds to verify |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---|---:|");
        foreach (var phase in phases)
        {
            foreach (var log in phase.Logs)
            {
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {phase.Generator} | {log.Gateway} | {log.Records} | {log.SignedRecords} | " +
                    $"{log.StampedRecords} ({log.Stamps}) | " +
                    $"{log.NotOk}{Outcomes(log)} | {log.Cancelled} | " +
                    $"{(log.Verified ? "yes" : $"NO: {log.Failure}")} | " +
                    $"{Units.Number(log.VerifySeconds, "0.0")} |");
            }
        }
    }

    private static bool SlowerThanWindow(PointSummary point, PhaseReport phase)
    {
        var runs = phase.Runs.Where(r => r.Path == point.Path && r.PayloadBytes == point.PayloadBytes
            && r.Concurrency == point.Concurrency).ToList();
        return runs.Count > 0 && Percentiles.Median(runs.Select(r => (double)r.Requests)) < 2 * point.Concurrency;
    }

    private static IEnumerable<PointSummary> Ordered(IEnumerable<PointSummary> points) => points
        .OrderBy(p => p.PayloadBytes).ThenBy(p => p.Concurrency)
        .ThenBy(p => Array.IndexOf(
            [PathNames.Direct, PathNames.ProxyPair, PathNames.RelayPair, PathNames.GatewayPair], p.Path));

    private static string Pair(IReadOnlyDictionary<string, double> values, string format) =>
        $"{Units.Number(values.GetValueOrDefault("consumer-gw", double.NaN), format)}, " +
        $"{Units.Number(values.GetValueOrDefault("provider-gw", double.NaN), format)}";

    private static string Outcomes(LogReport log) =>
        log.FailedOutcomes.Count == 0 ? "" : $" ({string.Join("; ", log.FailedOutcomes)})";

    private static string Inv(FormattableString text) => FormattableString.Invariant(text);

    private static string Short(string process) => process switch
    {
        "consumer-gw" => "consumer",
        "provider-gw" => "provider",
        "nginx-front" => "front",
        "nginx-back" => "back",
        "load-generator" => "generator",
        _ => process,
    };

    private static string Idle(PointSummary point) =>
        point.IdleCpuPercent is { } idle ? $"{Units.Number(idle, "0")} %" : "–";
}
