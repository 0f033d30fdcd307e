using ExchangeGateway.Benchmarks.Load;
using ExchangeGateway.Benchmarks.Processes;
using ExchangeGateway.Benchmarks.Report;
using ExchangeGateway.Benchmarks.Roles;
using ExchangeGateway.Benchmarks.Setup;

namespace ExchangeGateway.Benchmarks.Run;

/// <summary>One measured window.</summary>
internal sealed partial class PhaseRunner
{
    private const double MiB = 1024 * 1024;

    private async Task<RunRecord> MeasureAsync(
        string path, int concurrency, int payload, int repetition, CancellationToken cancellationToken)
    {
        var watch = WatchOf(path);
        foreach (var pid in watch.Values.SelectMany(p => p))
        {
            ProcStat.ResetPeak(pid);
        }

        var gateways = path == PathNames.GatewayPair
            ? new Dictionary<string, ChildProcess> { ["consumer-gw"] = _consumer, ["provider-gw"] = _provider }
            : [];
        var before = await AskAsync<GatewayCount>(gateways, GatewayCounters.Request, cancellationToken)
            .ConfigureAwait(false);
        await AskAsync<Dictionary<string, double>>(gateways, StageListener.Request, cancellationToken)
            .ConfigureAwait(false);
        var duration = repetition == 0 ? _options.WarmupSeconds : _options.DurationSeconds;
        var warmup = repetition == 0 ? 0 : _options.WarmupSeconds;
        var result = _h2load is null
            ? await DotnetAsync(path, concurrency, payload, warmup, duration, cancellationToken).ConfigureAwait(false)
            : await _h2load.RunAsync(TargetOf(path).Target, _context.RequestFiles[payload],
                GrpcRequestFile.ReplyFrameBytes(payload), Headers, concurrency, warmup, duration, watch,
                cancellationToken).ConfigureAwait(false);
        var peaks = watch.ToDictionary(
            p => p.Key, p => Math.Round(p.Value.Sum(pid => ProcStat.PeakResidentBytes(pid) ?? 0) / MiB, 1));
        var after = await AskAsync<GatewayCount>(gateways, GatewayCounters.Request, cancellationToken)
            .ConfigureAwait(false);
        var stages = await AskAsync<Dictionary<string, double>>(gateways, StageListener.Request, cancellationToken)
            .ConfigureAwait(false);
        var requests = Math.Max(result.Requests, 1);
        var ours = result.CpuSeconds.Where(p => p.Key != DotnetLoad.Machine).Sum(p => p.Value);
        var busy = result.CpuSeconds.GetValueOrDefault(DotnetLoad.Machine);
        var others = busy - ours;
        var capacity = result.Seconds * Environment.ProcessorCount;
        return new RunRecord
        {
            Path = path,
            Concurrency = concurrency,
            PayloadBytes = payload,
            Repetition = repetition,
            Requests = result.Requests,
            Failures = result.Failures,
            FirstFailure = result.FirstFailure,
            Seconds = result.Seconds,
            RequestsPerSecond = result.Requests / result.Seconds,
            P50Milliseconds = result.P50Milliseconds,
            P99Milliseconds = result.P99Milliseconds,
            CpuSecondsPerRequest = result.CpuSeconds.Where(p => p.Key != DotnetLoad.Machine)
                .ToDictionary(p => p.Key, p => p.Value / requests),
            OtherCpuPercent = Math.Round(100 * Math.Max(0, others) / capacity, 1),
            IdleCpuPercent = Math.Round(100 * Math.Max(0, capacity - busy) / capacity, 1),
            PeakResidentMiB = peaks,
            StartedAt = result.StartedAt,
            EndedAt = result.EndedAt,
            AllocatedBytesPerCall = gateways.Count == 0 ? null : gateways.Keys.ToDictionary(g => g,
                g => (double)(after[g].Bytes - before[g].Bytes) / Math.Max(after[g].Requests - before[g].Requests, 1)),
            StageMicroseconds = gateways.Count == 0 ? null : stages,
            RecordsPerCommit = gateways.Count == 0 ? null : gateways.Keys.ToDictionary(g => g,
                g => (double)(after[g].Records - before[g].Records)
                    / Math.Max(after[g].Commits - before[g].Commits, 1)),
            ThreadsPerCall = result.Threads.ToDictionary(
                p => p.Key, p => p.Value.ToDictionary(g => g.Key, g => g.Value.Per(requests))),
        };
    }

    /// <summary>Sends <paramref name="request"/> to each gateway and reads its answer. The stage medians are since
    /// the last ask, so the ask before a point resets them and the ask after it reads the point.</summary>
    private static async Task<Dictionary<string, T>> AskAsync<T>(
        Dictionary<string, ChildProcess> gateways, string request, CancellationToken cancellationToken)
    {
        var answers = new Dictionary<string, T>();
        foreach (var (name, process) in gateways)
        {
            process.Send(request);
            var body = await process.ReceiveAsync(request, TimeSpan.FromSeconds(30), cancellationToken)
                .ConfigureAwait(false);
            answers[name] = System.Text.Json.JsonSerializer.Deserialize<T>(body, ReadyLine.Json)!;
        }

        return answers;
    }

    private static Dictionary<string, string> Headers => new()
    {
        ["xroad-client"] = BenchmarkFederation.XRoadClient,
        ["xroad-service"] = BenchmarkFederation.XRoadService,
    };
}
