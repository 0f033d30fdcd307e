using System.Globalization;
using System.Text;
using ExchangeGateway.Benchmarks.Run;

namespace ExchangeGateway.Benchmarks.Report;

/// <summary>
/// Renders, per load generator, one PNG with gnuplot: a row per payload, throughput and p99 latency against
/// concurrency, a line per path (medians).
/// </summary>
internal static class PlotWriter
{
    /// <summary>Writes the plots into <paramref name="outDirectory"/>; returns their file names, or the reason none
    /// were made.</summary>
    public static (IReadOnlyList<string> Files, string? Skipped) Write(
        BenchmarkReport report, string outDirectory, string? gnuplot)
    {
        if (gnuplot is null)
        {
            return ([], "plot skipped: gnuplot is not on PATH (apt-get install gnuplot-nox)");
        }

        var files = new List<string>();
        foreach (var phase in report.Phases.Where(p => p.Points.Count > 0))
        {
            var name = $"benchmark-{phase.Generator}.png";
            var script = Path.Combine(outDirectory, $"benchmark-{phase.Generator}.gnuplot");
            File.WriteAllText(script, Script(phase, Path.Combine(outDirectory, name)));
            var output = Tools.Output(gnuplot, script);
            if (!File.Exists(Path.Combine(outDirectory, name)))
            {
                return (files, $"plot for {phase.Generator} failed: {output}");
            }

            files.Add(name);
        }

        return (files, null);
    }

    private static string Script(PhaseReport phase, string png)
    {
        var payloads = phase.Points.Select(p => p.PayloadBytes).Distinct().Order().ToList();
        var paths = phase.Paths.Keys.ToList();
        var concurrencies = phase.Points.Select(p => p.Concurrency).Distinct().Order().ToList();
        var gp = new StringBuilder();
        foreach (var payload in payloads)
        {
            foreach (var path in paths)
            {
                gp.AppendLine(CultureInfo.InvariantCulture, $"$d{payload}_{Id(path)} << EOD");
                foreach (var point in phase.Points.Where(p => p.PayloadBytes == payload && p.Path == path)
                             .OrderBy(p => p.Concurrency))
                {
                    gp.AppendLine(CultureInfo.InvariantCulture,
                        $"{point.Concurrency} {point.RequestsPerSecond:0.###} {point.P99Milliseconds:0.###}");
                }

                gp.AppendLine("EOD");
            }
        }

        gp.AppendLine(CultureInfo.InvariantCulture,
            $"set terminal pngcairo size 1200,{Math.Max(1, payloads.Count) * 360} font 'sans,10'");
        gp.AppendLine(CultureInfo.InvariantCulture, $"set output '{png}'");
        gp.AppendLine(CultureInfo.InvariantCulture,
            $"set multiplot layout {payloads.Count},2 title 'ExchangeGateway benchmark, {phase.Generator} (medians)'");
        gp.AppendLine("set logscale x 2");
        gp.AppendLine(CultureInfo.InvariantCulture,
            $"set xrange [{concurrencies.Min() * 0.8:0.##}:{concurrencies.Max() * 1.25:0.##}]");
        gp.AppendLine(CultureInfo.InvariantCulture, $"set xtics ({string.Join(", ", concurrencies)})");
        gp.AppendLine("set xlabel 'concurrent calls'");
        gp.AppendLine("set grid");
        gp.AppendLine("set key top left");
        foreach (var payload in payloads)
        {
            var label = Units.Payload(payload);
            gp.AppendLine(CultureInfo.InvariantCulture, $"set title 'throughput, {label}'");
            gp.AppendLine("set ylabel 'requests/s'");
            gp.AppendLine("set logscale y");
            gp.AppendLine("plot " + string.Join(", ", paths.Select(path =>
                $"$d{payload}_{Id(path)} using 1:2 with linespoints title '{path}'")));
            gp.AppendLine(CultureInfo.InvariantCulture, $"set title 'p99 latency, {label}'");
            gp.AppendLine("set ylabel 'ms'");
            gp.AppendLine("plot " + string.Join(", ", paths.Select(path =>
                $"$d{payload}_{Id(path)} using 1:3 with linespoints title '{path}'")));
            gp.AppendLine("unset logscale y");
        }

        gp.AppendLine("unset multiplot");
        return gp.ToString();
    }

    private static string Id(string path) => path.Replace('-', '_');
}
