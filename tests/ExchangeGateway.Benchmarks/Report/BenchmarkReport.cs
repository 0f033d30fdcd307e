namespace ExchangeGateway.Benchmarks.Report;

/// <summary>Everything one benchmark run measured, as written to <c>benchmark.json</c>.</summary>
internal sealed record BenchmarkReport
{
    public required string Command { get; init; }

    public string? Label { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset FinishedAt { get; init; }

    public required bool Quick { get; init; }

    public required MachineReport Machine { get; init; }

    public required SettingsReport Settings { get; init; }

    public required IReadOnlyList<PhaseReport> Phases { get; init; }

    public required IReadOnlyList<RatioRow> Ratios { get; init; }

    /// <summary>What was skipped or is worth knowing, in words.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>True when every call succeeded and every message log verified.</summary>
    public required bool Passed { get; init; }
}

internal sealed record MachineReport(
    string Cpu, int LogicalCpus, double MemoryGiB, string Kernel, string Runtime, string? Nginx, string? H2Load,
    string? Gnuplot, string? SourceCommit, IReadOnlyList<string>? UncommittedProductFiles, string BuildConfiguration)
{
    /// <summary>The commit, and the product files changed beside it: what a report says it measured.</summary>
    public string Source() => UncommittedProductFiles is { Count: > 0 } files
        ? $"{SourceCommit ?? "unknown commit"} with uncommitted changes to {string.Join(", ", files)}"
        : SourceCommit ?? "unknown commit";
}

internal sealed record SettingsReport(
    IReadOnlyList<int> Concurrencies, IReadOnlyList<int> Payloads, double WarmupSeconds, double DurationSeconds,
    int Repetitions, string MessageLogDirectory, string MessageLogFileSystem, string GatewayLogging)
{
    /// <summary>Seconds between the gateways' time-stamping rounds (0 in reports from before they stamped).</summary>
    public int StampSeconds { get; init; }

    /// <summary>The most warm-up windows a path got at the first payload (0 in reports from before they were
    /// repeated).</summary>
    public int WarmupWindows { get; init; }
}

/// <summary>All points driven by one load generator, on processes started for it.</summary>
internal sealed record PhaseReport
{
    public required string Generator { get; init; }

    public required string GeneratorDescription { get; init; }

    public required IReadOnlyDictionary<string, string> Paths { get; init; }

    public required IReadOnlyList<RunRecord> Runs { get; init; }

    public required IReadOnlyList<PointSummary> Points { get; init; }

    public required IReadOnlyList<LogReport> Logs { get; init; }

    /// <summary>The warm-up windows each path got before the points (absent in reports from before they were
    /// repeated).</summary>
    public IReadOnlyList<WarmupRecord>? Warmups { get; init; }
}

/// <summary>The warm-up of one path at one payload: the calls a second of each window, in order, and the share
/// of the window the runtimes' tiered compilation workers were busy (summed over the processes).</summary>
internal sealed record WarmupRecord(
    string Path, int PayloadBytes, IReadOnlyList<double> RequestsPerSecond, IReadOnlyList<double> Compiling)
{
    /// <summary>Each window as "calls a second (compiling %)".</summary>
    public string Describe() => string.Join(", ", RequestsPerSecond.Zip(Compiling,
        (rate, share) => $"{Units.Number(rate, "0")} ({Units.Number(100 * share, "0")} %)"));
}

/// <summary>One measured window: one path, one concurrency, one payload, one repetition.</summary>
internal sealed record RunRecord
{
    public required string Path { get; init; }

    public required int Concurrency { get; init; }

    public required int PayloadBytes { get; init; }

    public required int Repetition { get; init; }

    public required long Requests { get; init; }

    public required long Failures { get; init; }

    public string? FirstFailure { get; init; }

    public required double Seconds { get; init; }

    public required double RequestsPerSecond { get; init; }

    public required double P50Milliseconds { get; init; }

    public required double P99Milliseconds { get; init; }

    /// <summary>CPU seconds per successful call, by process (user + system time over the window).</summary>
    public required IReadOnlyDictionary<string, double> CpuSecondsPerRequest { get; init; }

    /// <summary>Peak resident memory (VmHWM, reset before the point's warm-up), by process, in MiB.</summary>
    public required IReadOnlyDictionary<string, double> PeakResidentMiB { get; init; }

    /// <summary>How busy the machine was with processes outside the path measured (the benchmark's own driver,
    /// idle parts, and anything else running), as a percentage of all cores over the window.</summary>
    public required double OtherCpuPercent { get; init; }

    /// <summary>How much of all cores no process used over the window (I/O wait included), as a percentage;
    /// null in reports written before it was measured.</summary>
    public double? IdleCpuPercent { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset EndedAt { get; init; }

    /// <summary>Per gateway: what its message log holds from inside this window (gateway pair only).</summary>
    public IReadOnlyDictionary<string, WindowTally>? Evidence { get; init; }

    /// <summary>Per gateway: managed bytes allocated per call it served, over the point's warm-up and window
    /// (gateway pair only).</summary>
    public IReadOnlyDictionary<string, double>? AllocatedBytesPerCall { get; init; }

    /// <summary>Per gateway: the median duration of each call stage ("side stage") over the point's warm-up and
    /// window, in microseconds, as the gateway's own instrument measured it (gateway pair only).</summary>
    public IReadOnlyDictionary<string, Dictionary<string, double>>? StageMicroseconds { get; init; }

    /// <summary>Per gateway: records its message log made durable per commit (per fsync), over the point's warm-up
    /// and window (gateway pair only).</summary>
    public IReadOnlyDictionary<string, double>? RecordsPerCommit { get; init; }

    /// <summary>Per process and thread group: CPU seconds and context switches per successful call over the
    /// window (<see cref="Processes.ThreadStat"/>); null in reports written before they were measured.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, Processes.ThreadUse>>? ThreadsPerCall { get; init; }
}

/// <summary>Message log records written inside one window by one gateway.</summary>
/// <param name="Records">Records.</param>
/// <param name="SignedRecords">Records that carry a signature.</param>
/// <param name="OwnSignatures">Distinct signatures this gateway made (request side for the consumer, response
/// side for the provider); fewer than its records when one signature covers a batch.</param>
/// <param name="NotOk">Records whose outcome is neither OK nor CANCELLED.</param>
/// <param name="Cancelled">Records of calls the client abandoned (h2load, when its time is up).</param>
internal sealed record WindowTally(long Records, long SignedRecords, long OwnSignatures, long NotOk, long Cancelled);

/// <summary>The medians of a point over its repetitions.</summary>
internal sealed record PointSummary
{
    public required string Path { get; init; }

    public required int Concurrency { get; init; }

    public required int PayloadBytes { get; init; }

    public required int Repetitions { get; init; }

    public required long Failures { get; init; }

    public required double RequestsPerSecond { get; init; }

    public required double P50Milliseconds { get; init; }

    public required double P99Milliseconds { get; init; }

    public required IReadOnlyDictionary<string, double> CpuSecondsPerRequest { get; init; }

    /// <summary>The median share of all cores that other processes used during the windows.</summary>
    public required double OtherCpuPercent { get; init; }

    /// <summary>The median share of all cores left idle during the windows; null when not measured.</summary>
    public double? IdleCpuPercent { get; init; }

    /// <summary>The largest peak over the repetitions, by process, in MiB.</summary>
    public required IReadOnlyDictionary<string, double> PeakResidentMiB { get; init; }

    /// <summary>Per gateway: signed log records per second (median).</summary>
    public IReadOnlyDictionary<string, double>? SignedRecordsPerSecond { get; init; }

    /// <summary>Per gateway: distinct signatures it made per second (median).</summary>
    public IReadOnlyDictionary<string, double>? SignaturesPerSecond { get; init; }

    /// <summary>Per gateway: log records per successful call (median); 2 when each call left a request and a
    /// response record.</summary>
    public IReadOnlyDictionary<string, double>? RecordsPerCall { get; init; }

    /// <summary>Per gateway: managed bytes allocated per call (median).</summary>
    public IReadOnlyDictionary<string, double>? AllocatedBytesPerCall { get; init; }

    /// <summary>Per gateway: records made durable per commit of its message log (median).</summary>
    public IReadOnlyDictionary<string, double>? RecordsPerCommit { get; init; }

    /// <summary>Per gateway and stage: the median over the repetitions of the stage's median duration, in
    /// microseconds.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, double>>? StageMicroseconds { get; init; }

    /// <summary>Per process and thread group: the median over the repetitions of CPU seconds and of context
    /// switches per call.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, Processes.ThreadUse>>? ThreadsPerCall { get; init; }
}

/// <summary>A gateway's message log after the phase, verified with <c>MessageLogVerifier</c>. Not OK counts
/// outcomes other than OK and CANCELLED (a call the client abandoned, as h2load does at the end of its time).</summary>
internal sealed record LogReport(
    string Gateway, string File, long Records, long SignedRecords, long NotOk, IReadOnlyList<string> FailedOutcomes,
    long Cancelled, bool Verified, string? Failure, double VerifySeconds)
{
    /// <summary>Time-stamp tokens in the log, each verified with <c>StampVerifier</c>.</summary>
    public long Stamps { get; init; }

    /// <summary>Records those tokens cover (the rest were written after the last stamping round).</summary>
    public long StampedRecords { get; init; }
}

/// <summary>The gateway pair's throughput against the other paths at one point (medians), and the relay pair's
/// against the proxy pair's: what the .NET transport costs before any evidence work.</summary>
internal sealed record RatioRow(
    string Generator, int PayloadBytes, int Concurrency, double? GatewayOverDirect, double? GatewayOverProxyPair,
    double? GatewayP50MinusDirectMilliseconds)
{
    public double? GatewayOverRelayPair { get; init; }

    public double? RelayOverProxyPair { get; init; }
}
