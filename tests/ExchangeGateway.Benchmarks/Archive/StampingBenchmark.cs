using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ExchangeGateway.Core.MessageLog;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExchangeGateway.Benchmarks.Archive;

/// <summary>
/// What time-stamping costs the calls that go on meanwhile, in one process and one run: a log with a backlog of
/// unstamped records (built as <see cref="ArchiveBed"/> builds it), then 16 appenders group-committing records for a
/// fixed time, first alone, then while rounds of 10,000 records (a gateway's rounds under load) are stamped back to
/// back by a real RFC 3161 TSA on loopback. Reported: appends per second and their latency in both phases and the
/// ratios, and the median milliseconds of each step of a round and the share of the phase the rounds took; first,
/// three rounds with nothing else running give each step's time undisturbed.
/// </summary>
internal static class StampingBenchmark
{
    /// <summary>The options it takes.</summary>
    public static readonly IReadOnlySet<string> Options = Arguments.Names("--records", "--seconds", "--out");

    private const int Appenders = 16;
    private const int RoundSize = 10_000;
    private const int QuietRounds = 3;

    public static async Task<int> RunAsync(Arguments args)
    {
        var backlog = args.Int("--records", 150_000);
        var seconds = args.Int("--seconds", 3);
        var output = args.Optional("--out");
        var work = Directory.CreateTempSubdirectory("exgw-stamping-bench-");
        try
        {
            var bed = await ArchiveBed.CreateAsync(work.FullName, NullLoggerFactory.Instance).ConfigureAwait(false);
            await using (bed.ConfigureAwait(false))
            {
                await bed.FillAsync(backlog, stamp: false).ConfigureAwait(false);
                var quiet = new List<StampRound>();
                for (var i = 0; i < QuietRounds; i++)
                {
                    if (await bed.StampRoundAsync(RoundSize, RoundSize).ConfigureAwait(false) is { } round)
                    {
                        quiet.Add(round);
                    }
                }

                var records = await bed.RecordsAsync(512).ConfigureAwait(false);
                var alone = await AppendAsync(bed.Log, records, seconds, stamper: null).ConfigureAwait(false);
                var rounds = new List<StampRound>();
                var together = await AppendAsync(bed.Log, records, seconds, async stop =>
                {
                    while (!stop.IsCancellationRequested
                        && await bed.StampRoundAsync(RoundSize, RoundSize).ConfigureAwait(false) is { } round)
                    {
                        rounds.Add(round);
                    }
                }).ConfigureAwait(false);
                await WriteAsync(backlog, seconds, alone, together, quiet, rounds, output).ConfigureAwait(false);
                var passed = alone.Appends > 0 && together.Appends > 0 && rounds.Count > 0
                    && quiet.Count == QuietRounds;
                Console.Out.WriteLine(passed
                    ? "stamping benchmark passed"
                    : "stamping benchmark FAILED: no appends, or no round of 10,000 records to stamp");
                return passed ? 0 : 1;
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Appends with <see cref="Appenders"/> callers for <paramref name="seconds"/>, the stamper running
    /// meanwhile when given (it is told to stop when the time is up, and waited for).</summary>
    private static async Task<AppendFigures> AppendAsync(
        SqliteMessageLog log, List<MessageRecord> records, int seconds, Func<CancellationToken, Task>? stamper)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var stamping = stamper is null ? Task.CompletedTask : Task.Run(() => stamper(stop.Token));
        var clock = Stopwatch.StartNew();
        var callers = Enumerable.Range(0, Appenders).Select(async caller =>
        {
            var latencies = new List<double>();
            for (var i = caller; !stop.IsCancellationRequested; i += Appenders)
            {
                var started = Stopwatch.GetTimestamp();
                await log.AppendAsync(records[i % records.Count] with { LoggedAt = DateTimeOffset.UtcNow })
                    .ConfigureAwait(false);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return latencies;
        }).ToList();
        var all = (await Task.WhenAll(callers).ConfigureAwait(false)).SelectMany(l => l).Order().ToList();
        var elapsed = clock.Elapsed.TotalSeconds;
        await stamping.ConfigureAwait(false);
        return new AppendFigures(all.Count, all.Count / elapsed, Percentile(all, 0.5), Percentile(all, 0.99),
            all.Count == 0 ? 0 : all[^1]);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static async Task WriteAsync(int backlog, int seconds, AppendFigures alone, AppendFigures together,
        List<StampRound> quiet, List<StampRound> rounds, string? output)
    {
        var c = CultureInfo.InvariantCulture;
        var table = new StringBuilder();
        table.AppendLine("| appends | appends/s | p50 ms | p99 ms | longest ms |");
        table.AppendLine("|---|---:|---:|---:|---:|");
        table.AppendLine(c, $"| alone | {alone.PerSecond:F0} | {alone.P50:F2} | {alone.P99:F2} | {alone.Max:F1} |");
        table.AppendLine(c, $"| while stamping | {together.PerSecond:F0} | {together.P50:F2} | {together.P99:F2} | " +
            $"{together.Max:F1} |");
        table.AppendLine(c, $"| ratio while stamping / alone | {together.PerSecond / alone.PerSecond:F2} | " +
            $"{together.P50 / alone.P50:F2} | {together.P99 / alone.P99:F2} | |");
        table.AppendLine();
        var busy = rounds.Sum(r => r.ReadMs + r.TreeMs + r.TokenMs + r.SaveMs) / (10 * seconds);
        table.AppendLine(
            "| stamping rounds (share of the phase) | records | read ms | tree ms | token ms | save ms |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|");
        table.AppendLine(c, $"| {quiet.Count} with nothing else running, medians | {Steps(quiet)} |");
        table.AppendLine(c, $"| {rounds.Count} while appending ({busy:F0} %), medians | {Steps(rounds)} |");
        var machine = Run.MachineInfo.Read(Run.Tools.Find());
        var text = $"# Time-stamping against the appends that go on meanwhile\n\n- run: " +
            $"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, source {machine.Source()}, " +
            $"{machine.BuildConfiguration} build\n- {Environment.ProcessorCount} " +
            $"cores, one process; a backlog of {backlog:N0} unstamped records, {QuietRounds} rounds of " +
            $"{RoundSize:N0} stamped with nothing else running, then {Appenders} appenders for {seconds} s alone " +
            $"and {seconds} s while such rounds are stamped back to back (each token from an RFC 3161 TSA on " +
            $"loopback).\n\n{table}";
        Console.Out.Write(text);
        if (output is not null)
        {
            Directory.CreateDirectory(output);
            await File.WriteAllTextAsync(Path.Combine(output, "stamping.md"), text).ConfigureAwait(false);
            var json = JsonSerializer.Serialize(
                new { machine.SourceCommit, backlog, seconds, alone, together, quiet, rounds }, Json);
            await File.WriteAllTextAsync(Path.Combine(output, "stamping.json"), json).ConfigureAwait(false);
            Console.Out.WriteLine($"wrote {Path.Combine(output, "stamping.md")} and stamping.json");
        }
    }

    private static string Steps(List<StampRound> rounds) => string.Create(CultureInfo.InvariantCulture,
        $"{Median(rounds, r => r.Records):F0} | {Median(rounds, r => r.ReadMs):F1} | " +
        $"{Median(rounds, r => r.TreeMs):F1} | {Median(rounds, r => r.TokenMs):F1} | " +
        $"{Median(rounds, r => r.SaveMs):F1}");

    private static double Median(List<StampRound> rounds, Func<StampRound, double> value)
    {
        var sorted = rounds.Select(value).Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

/// <summary>Appends in one phase: how many, per second, and their latency in milliseconds.</summary>
internal sealed record AppendFigures(int Appends, double PerSecond, double P50, double P99, double Max);
