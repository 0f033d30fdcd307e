using System.Globalization;
using System.Text;
using System.Text.Json;
using ExchangeGateway.Benchmarks.Load;
using ExchangeGateway.Benchmarks.Run;

namespace ExchangeGateway.Benchmarks.Report;

/// <summary>
/// <c>compare BASE OTHER [BASE OTHER ...]</c>: benchmark.json files of runs made in turn with two builds (what
/// <c>compare.sh</c> makes). For every gateway-pair point that all of them have, it writes each pair's figures and
/// the ratio other / base (calls a second, p50, CPU per call and bytes allocated per call of each gateway), and the
/// median ratio over the pairs. Runs that alternate share the machine's drift in speed; a ratio within a pair is
/// what to read, never one run against another made at another time.
/// </summary>
internal static class Comparison
{
    private const string Path = "gateway-pair";

    public static async Task<int> RunAsync(string[] files)
    {
        if (files.Length < 2 || files.Length % 2 != 0)
        {
            throw new ArgumentException("compare: give benchmark.json files in pairs, the base run first");
        }

        var reports = new List<BenchmarkReport>();
        foreach (var file in files)
        {
            reports.Add(JsonSerializer.Deserialize<BenchmarkReport>(
                await File.ReadAllTextAsync(file).ConfigureAwait(false), BenchmarkCommand.Json)
                ?? throw new ArgumentException($"compare: {file} holds no benchmark report"));
        }

        var pairs = reports.Chunk(2).Select(p => (Base: p[0], Other: p[1])).ToList();
        var text = Render(pairs);
        if (text is null)
        {
            throw new ArgumentException("compare: the runs have no gateway-pair point in common");
        }

        Console.Out.Write(text);
        return 0;
    }

    /// <summary>The comparison as Markdown, or null when the runs share no gateway-pair point.</summary>
    public static string? Render(IReadOnlyList<(BenchmarkReport Base, BenchmarkReport Other)> pairs)
    {
        var indexed = pairs.Select(p => (Base: Points(p.Base), Other: Points(p.Other))).ToList();
        var keys = indexed.SelectMany(p => new[] { p.Base, p.Other })
            .Select(points => points.Keys.ToHashSet())
            .Aggregate((all, next) => [.. all.Intersect(next)]);
        if (keys.Count == 0)
        {
            return null;
        }

        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var runs = pairs.Count == 1 ? "1 pair of runs" : $"{pairs.Count} pairs of runs";
        text.AppendLine(c, $"# Base against other: {runs} made in turn; other / base in brackets");
        text.AppendLine();
        text.AppendLine("| generator | payload | conc | measure | " +
            string.Join(" | ", pairs.Select((_, i) => $"pair {i + 1}")) + " | median ratio |");
        text.AppendLine("|---|---:|---:|---|" + string.Concat(pairs.Select(_ => "---|")) + "---:|");
        foreach (var key in keys.OrderBy(k => k.Generator, StringComparer.Ordinal).ThenBy(k => k.Payload)
                     .ThenBy(k => k.Concurrency))
        {
            var points = indexed.Select(p => (Base: p.Base[key], Other: p.Other[key])).ToList();
            foreach (var (measure, value) in Measures(points[0].Base))
            {
                var cells = points.Select(p => (Base: value(p.Base), Other: value(p.Other))).ToList();
                if (cells.Any(x => x.Base is null || x.Other is null || x.Base == 0))
                {
                    continue;
                }

                var median = Percentiles.Median(cells.Select(x => x.Other!.Value / x.Base!.Value));
                var figures = string.Join(" | ", cells.Select(x => string.Create(
                    c, $"{x.Base:0.##} → {x.Other:0.##} ({x.Other!.Value / x.Base!.Value:F2})")));
                var point = $"{key.Generator} | {Units.Payload(key.Payload)} | {key.Concurrency}";
                text.AppendLine(c, $"| {point} | {measure} | {figures} | {median:F2} |");
            }
        }

        return text.ToString();
    }

    private static Dictionary<(string Generator, int Payload, int Concurrency), PointSummary> Points(
        BenchmarkReport report) =>
        report.Phases.SelectMany(phase => phase.Points.Where(p => p.Path == Path)
                .Select(p => (Key: (phase.Generator, p.PayloadBytes, p.Concurrency), Point: p)))
            .ToDictionary(x => x.Key, x => x.Point);

    private static IEnumerable<(string Measure, Func<PointSummary, double?> Value)> Measures(PointSummary point)
    {
        yield return ("calls a second", p => p.RequestsPerSecond);
        yield return ("p50 ms", p => p.P50Milliseconds);
        foreach (var gateway in point.CpuSecondsPerRequest.Keys.Where(k => k.EndsWith("-gw", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            yield return ($"CPU µs per call, {gateway}",
                p => p.CpuSecondsPerRequest.TryGetValue(gateway, out var s) ? s * 1e6 : null);
            yield return ($"KiB allocated per call, {gateway}",
                p => p.AllocatedBytesPerCall?.TryGetValue(gateway, out var b) == true ? b / 1024 : null);
        }
    }
}
