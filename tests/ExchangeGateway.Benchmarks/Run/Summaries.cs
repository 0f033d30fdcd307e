using ExchangeGateway.Benchmarks.Load;
using ExchangeGateway.Benchmarks.Processes;
using ExchangeGateway.Benchmarks.Report;

namespace ExchangeGateway.Benchmarks.Run;

/// <summary>Medians over repetitions, and the gateway pair's ratios to the other paths.</summary>
internal static class Summaries
{
    public static List<PointSummary> Points(IReadOnlyList<RunRecord> runs) => runs
        .GroupBy(r => (r.Path, r.PayloadBytes, r.Concurrency))
        .Select(group => Point(group.ToList()))
        .ToList();

    public static IEnumerable<RatioRow> Ratios(PhaseReport phase)
    {
        PointSummary? Find(string path, int payload, int concurrency) => phase.Points
            .FirstOrDefault(p => p.Path == path && p.PayloadBytes == payload && p.Concurrency == concurrency);

        foreach (var gateway in phase.Points.Where(p => p.Path == PathNames.GatewayPair))
        {
            var direct = Find(PathNames.Direct, gateway.PayloadBytes, gateway.Concurrency);
            var proxy = Find(PathNames.ProxyPair, gateway.PayloadBytes, gateway.Concurrency);
            var relay = Find(PathNames.RelayPair, gateway.PayloadBytes, gateway.Concurrency);
            yield return new RatioRow(phase.Generator, gateway.PayloadBytes, gateway.Concurrency,
                Ratio(gateway.RequestsPerSecond, direct?.RequestsPerSecond),
                Ratio(gateway.RequestsPerSecond, proxy?.RequestsPerSecond),
                direct is null ? null : gateway.P50Milliseconds - direct.P50Milliseconds)
            {
                GatewayOverRelayPair = Ratio(gateway.RequestsPerSecond, relay?.RequestsPerSecond),
                RelayOverProxyPair = relay is null ? null : Ratio(relay.RequestsPerSecond, proxy?.RequestsPerSecond),
            };
        }
    }

    // Unrounded: the report rounds once, where it prints (a ratio kept to 3 places, 0.455 of 0.4548, printed 0.46).
    private static double? Ratio(double value, double? baseline) => baseline is > 0 ? value / baseline.Value : null;

    private static PointSummary Point(List<RunRecord> runs)
    {
        var first = runs[0];
        var evidence = runs.Where(r => r.Evidence is not null).ToList();
        return new PointSummary
        {
            Path = first.Path,
            Concurrency = first.Concurrency,
            PayloadBytes = first.PayloadBytes,
            Repetitions = runs.Count,
            Failures = runs.Sum(r => r.Failures),
            RequestsPerSecond = Percentiles.Median(runs.Select(r => r.RequestsPerSecond)),
            P50Milliseconds = Percentiles.Median(runs.Select(r => r.P50Milliseconds)),
            P99Milliseconds = Percentiles.Median(runs.Select(r => r.P99Milliseconds)),
            OtherCpuPercent = Percentiles.Median(runs.Select(r => r.OtherCpuPercent)),
            IdleCpuPercent = runs.All(r => r.IdleCpuPercent is not null)
                ? Percentiles.Median(runs.Select(r => r.IdleCpuPercent!.Value))
                : null,
            CpuSecondsPerRequest = first.CpuSecondsPerRequest.Keys.ToDictionary(
                k => k, k => Percentiles.Median(runs.Select(r => r.CpuSecondsPerRequest.GetValueOrDefault(k)))),
            PeakResidentMiB = first.PeakResidentMiB.Keys.ToDictionary(
                k => k, k => runs.Max(r => r.PeakResidentMiB.GetValueOrDefault(k))),
            SignedRecordsPerSecond = evidence.Count == 0 ? null : PerGateway(evidence,
                (r, t) => t.SignedRecords / r.Seconds),
            SignaturesPerSecond = evidence.Count == 0 ? null : PerGateway(evidence,
                (r, t) => t.OwnSignatures / r.Seconds),
            RecordsPerCall = evidence.Count == 0 ? null : PerGateway(evidence,
                (r, t) => r.Requests == 0 ? double.NaN : (double)t.Records / r.Requests),
            AllocatedBytesPerCall = runs.Any(r => r.AllocatedBytesPerCall is null) ? null
                : runs[0].AllocatedBytesPerCall!.Keys.ToDictionary(
                    g => g, g => Percentiles.Median(runs.Select(r => r.AllocatedBytesPerCall![g]))),
            RecordsPerCommit = runs.Any(r => r.RecordsPerCommit is null) ? null
                : runs[0].RecordsPerCommit!.Keys.ToDictionary(
                    g => g, g => Percentiles.Median(runs.Select(r => r.RecordsPerCommit![g]))),
            StageMicroseconds = runs.Any(r => r.StageMicroseconds is null) ? null
                : runs[0].StageMicroseconds!.ToDictionary(g => g.Key, g => g.Value.Keys
                    .Where(stage => runs.All(r => r.StageMicroseconds![g.Key].ContainsKey(stage)))
                    .ToDictionary(stage => stage,
                        stage => Math.Round(
                            Percentiles.Median(runs.Select(r => r.StageMicroseconds![g.Key][stage])), 1))),
            ThreadsPerCall = runs.Any(r => r.ThreadsPerCall is null) ? null : Threads(runs),
        };
    }

    /// <summary>Each figure's median over the repetitions, process by process and group by group; a group a
    /// repetition lacks (no such thread in that window) counts as nothing used.</summary>
    private static Dictionary<string, Dictionary<string, ThreadUse>> Threads(List<RunRecord> runs) =>
        runs[0].ThreadsPerCall!.Keys.ToDictionary(process => process, process => ThreadStat.Groups
            .Where(group => runs.Any(r => r.ThreadsPerCall!.GetValueOrDefault(process)?.ContainsKey(group) == true))
            .ToDictionary(group => group, group =>
            {
                var uses = runs.Select(r => r.ThreadsPerCall!.GetValueOrDefault(process)?.GetValueOrDefault(group)
                    ?? ThreadUse.None).ToList();
                return new ThreadUse(Percentiles.Median(uses.Select(u => u.CpuSeconds)),
                    Percentiles.Median(uses.Select(u => u.Voluntary)),
                    Percentiles.Median(uses.Select(u => u.Involuntary)));
            }));

    private static Dictionary<string, double> PerGateway(
        List<RunRecord> runs, Func<RunRecord, WindowTally, double> value) => runs[0].Evidence!.Keys.ToDictionary(
        gateway => gateway,
        gateway => Percentiles.Median(runs.Select(r => value(r, r.Evidence![gateway]))));
}
