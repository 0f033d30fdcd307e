using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using ExchangeGateway.Benchmarks.Report;

namespace ExchangeGateway.Benchmarks.Run;

/// <summary>The benchmark's command line: parses the options, runs, writes the report, sets the exit code.</summary>
internal static class BenchmarkCommand
{
    public const string Help = """
        usage: ExchangeGateway.Benchmarks --out DIR [--quick] [options]
          --out DIR                where benchmark.json, benchmark.md and the plots go
          --quick                  one point (16 concurrent, 1 KiB), 0.5 s warm-up, 1.5 s, 1 repetition
          --concurrency 1,16,64    concurrent calls on the one connection
          --payloads 1024,...      payload sizes in bytes
          --warmup S --duration S  seconds per point (defaults 1 and 3)
          --warmup-windows N       at most N warm-up windows a path at the first payload, until its
                                   processes stop compiling code (default 60; 1 with --quick)
          --repetitions N          repetitions per point, medians quoted (default 3)
          --generators dotnet,h2load   --paths direct,proxy-pair,relay-pair,gateway-pair
          --message-log-dir DIR    put the gateways' message logs there (an experiment, e.g. a tmpfs)
          --gateway-logging MODE   console+file (as exgw gateway, default), file or none (an experiment)
          --gateway-env N=V,...    environment variables for the gateways' processes only (an experiment)
          --stamp-interval S       seconds between the gateways' time-stamping rounds (default 60, as a gateway;
                                   5 with --quick)
          --label TEXT             names an experiment in the report
          --keep-work              keep the work folder (configurations, logs, message logs)
          --render FILE            no run: write benchmark.md, the plots and the ratios of benchmark.json
                                   again from a benchmark.json
        exit code: 0 when every call succeeded and every message log verified, 1 otherwise, 2 on bad options
        ExchangeGateway.Benchmarks signing [--seconds S] [--out DIR]
                                   batch signing against one signature per message, in one process
        ExchangeGateway.Benchmarks archive [--records N] [--out DIR]
                                   archiving a log of N records (default 100000) and verifying the archive
        ExchangeGateway.Benchmarks stamping [--records N] [--seconds S] [--out DIR]
                                   appends alone and while a backlog of N records (default 150000) is stamped
        ExchangeGateway.Benchmarks appends [--records N] [--seconds S] [--rounds R] [--out DIR]
                                   what a record costs the log's writer: time-ordered against random message ids,
                                   a batch signature by reference, no subject (defaults: 50000, 3 s, 2 rounds)
        ExchangeGateway.Benchmarks floor [--count N] [--rounds R] [--out DIR]
                                   the evidence a lone call waits for, each step N times alone (default 2000) in
                                   each of R rounds (default 5): seal, check, durable record, fsync; 2 seals +
                                   2 checks + 1 record, by their medians, estimate the least it adds to latency
        ExchangeGateway.Benchmarks compare BASE.json OTHER.json [BASE.json OTHER.json ...]
                                   gateway-pair points of runs made in turn with two builds, and the ratios
                                   other / base (tests/ExchangeGateway.Benchmarks/compare.sh makes such runs)
        """;

    /// <summary>How benchmark.json is written and read.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchmarkOptions.Parse(args);
        Directory.CreateDirectory(options.OutDirectory);
        using var cancel = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Stop(c, cancel));
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Stop(c, cancel));
        var command = "ExchangeGateway.Benchmarks " + string.Join(' ', args);
        if (options.Render is { } rendered)
        {
            var stored = JsonSerializer.Deserialize<BenchmarkReport>(
                await File.ReadAllTextAsync(rendered).ConfigureAwait(false), Json)!;
            // The plots are drawn again and the ratios worked out again from the points; both files are written.
            var notes = stored.Notes.Where(n => !n.StartsWith("plot", StringComparison.Ordinal)).ToList();
            var ratios = stored.Phases.SelectMany(Summaries.Ratios).ToList();
            await WriteAsync(stored with { Notes = notes, Ratios = ratios }, options.OutDirectory, json: true)
                .ConfigureAwait(false);
            return stored.Passed ? 0 : 1;
        }

        var run = new BenchmarkRun(options, command, line => Console.Out.WriteLine(
            $"{DateTime.UtcNow:HH:mm:ss} {line}"));
        var report = await run.RunAsync(cancel.Token).ConfigureAwait(false);
        report = await WriteAsync(report, options.OutDirectory, json: true).ConfigureAwait(false);
        Console.Out.WriteLine(report.Passed
            ? "benchmark passed"
            : "benchmark FAILED: " + string.Join("; ", report.Notes));
        return report.Passed ? 0 : 1;
    }

    private static async Task<BenchmarkReport> WriteAsync(BenchmarkReport report, string outDirectory, bool json)
    {
        var (plots, skipped) = PlotWriter.Write(report, outDirectory, Run.Tools.Find().Gnuplot);
        if (skipped is not null)
        {
            report = report with { Notes = [.. report.Notes, skipped] };
        }

        var jsonFile = Path.Combine(outDirectory, "benchmark.json");
        var markdown = Path.Combine(outDirectory, "benchmark.md");
        if (json)
        {
            await File.WriteAllTextAsync(jsonFile, JsonSerializer.Serialize(report, Json)).ConfigureAwait(false);
        }

        await File.WriteAllTextAsync(markdown, MarkdownReport.Write(report, plots)).ConfigureAwait(false);
        var written = (json ? [jsonFile, markdown] : new[] { markdown }).Concat(plots);
        Console.Out.WriteLine($"wrote {string.Join(", ", written)}");
        return report;
    }

    private static void Stop(PosixSignalContext context, CancellationTokenSource cancel)
    {
        context.Cancel = true;
        cancel.Cancel();
    }
}
