using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ExchangeGateway.Core.MessageLog;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExchangeGateway.Benchmarks.Archive;

/// <summary>
/// What a record costs the message log's writer, in one process and one run: 64 appenders group-commit signed
/// records (built as <see cref="ArchiveBed"/> builds them) into a log of their own for each kind of record, in turn,
/// each log first filled with records of its kind. Kinds: message ids that grow with time (UUID version 7, as the
/// gateway makes them when the caller gives none), random message ids (version 4, as many callers make them),
/// time-ordered ids with a 32-byte reference in place of the batch signature (what each row would keep if a batch's
/// signature were stored once), and time-ordered ids on records that name no person (no subject hash, so no entry
/// in the subject index, whose keys are keyed hashes and so fall anywhere). Reported per kind: appends per second,
/// the process's CPU time and the bytes it wrote per append (<c>/proc/self/io</c>: the WAL, and the checkpoints that
/// copy it into the database), and the ratios against the first kind.
/// </summary>
internal static class AppendBenchmark
{
    /// <summary>The options it takes.</summary>
    public static readonly IReadOnlySet<string> Options =
        Arguments.Names("--records", "--seconds", "--rounds", "--out");

    private const int Appenders = 64;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static readonly Kind[] Kinds =
    [
        new("time-ordered ids", Guid.CreateVersion7, r => r),
        new("random ids", Guid.NewGuid, r => r),
        new("time-ordered ids, signature by reference", Guid.CreateVersion7,
            r => r with { Signature = r.Signature is { } s ? SHA256.HashData(s) : null }),
        new("time-ordered ids, no subject", Guid.CreateVersion7, r => r with { SubjectHash = null }),
    ];

    public static async Task<int> RunAsync(Arguments args)
    {
        var fill = args.Int("--records", 50_000);
        var seconds = args.Int("--seconds", 3);
        var rounds = args.Int("--rounds", 2);
        var output = args.Optional("--out");
        if (fill < 0 || seconds < 1 || rounds < 1)
        {
            throw new ArgumentException("--records must not be negative, --seconds and --rounds at least 1");
        }

        var work = Directory.CreateTempSubdirectory("exgw-append-bench-");
        try
        {
            List<MessageRecord> records;
            var bed = await ArchiveBed.CreateAsync(work.FullName, NullLoggerFactory.Instance).ConfigureAwait(false);
            await using (bed.ConfigureAwait(false))
            {
                records = await bed.RecordsAsync(512).ConfigureAwait(false);
            }

            var figures = new List<AppendCost>();
            for (var round = 1; round <= rounds; round++)
            {
                foreach (var kind in Kinds)
                {
                    var folder = Path.Combine(work.FullName, $"{round}-{Array.IndexOf(Kinds, kind)}");
                    figures.Add(await MeasureAsync(kind, round, records, fill, seconds, folder).ConfigureAwait(false));
                }
            }

            await WriteAsync(fill, seconds, figures, output).ConfigureAwait(false);
            var passed = figures.All(f => f.Appends > 0);
            Console.Out.WriteLine(
                passed ? "append benchmark passed" : "append benchmark FAILED: a kind made no append");
            return passed ? 0 : 1;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<AppendCost> MeasureAsync(
        Kind kind, int round, List<MessageRecord> records, int fill, int seconds, string folder)
    {
        records = kind.Prepare(records);
        var log = SqliteMessageLog.Open(Path.Combine(folder, "messagelog.db"));
        await using (log.ConfigureAwait(false))
        {
            await AppendAsync(log, kind, records, count: fill, stop: null).ConfigureAwait(false);
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var written = WrittenBytes();
            var clock = Stopwatch.StartNew();
            var appends = await AppendAsync(log, kind, records, count: int.MaxValue, stop.Token).ConfigureAwait(false);
            var elapsed = clock.Elapsed.TotalSeconds;
            var cpuMicros = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds;
            var bytes = WrittenBytes() - written;
            return new AppendCost(kind.Name, round, appends, appends / elapsed,
                appends == 0 ? 0 : cpuMicros / appends, appends == 0 ? 0 : (double)bytes / appends);
        }
    }

    /// <summary>Appends with <see cref="Appenders"/> callers until <paramref name="count"/> records are in or
    /// <paramref name="stop"/> is cancelled; returns how many.</summary>
    private static async Task<long> AppendAsync(
        SqliteMessageLog log, Kind kind, List<MessageRecord> records, int count, CancellationToken? stop)
    {
        long appended = 0;
        var callers = Enumerable.Range(0, Appenders).Select(async caller =>
        {
            for (var i = caller; stop?.IsCancellationRequested != true; i += Appenders)
            {
                if (Interlocked.Increment(ref appended) > count)
                {
                    Interlocked.Decrement(ref appended);
                    return;
                }

                await log.AppendAsync(kind.Make(records[i % records.Count])).ConfigureAwait(false);
            }
        });
        await Task.WhenAll(callers).ConfigureAwait(false);
        return Interlocked.Read(ref appended);
    }

    /// <summary>Bytes this process has written through system calls (<c>wchar</c> of <c>/proc/self/io</c>).</summary>
    private static long WrittenBytes() => long.Parse(
        File.ReadLines("/proc/self/io").First(l => l.StartsWith("wchar:", StringComparison.Ordinal))[6..].Trim(),
        CultureInfo.InvariantCulture);

    private static async Task WriteAsync(int fill, int seconds, List<AppendCost> figures, string? output)
    {
        var c = CultureInfo.InvariantCulture;
        var table = new StringBuilder();
        table.AppendLine("| round | records | appends/s | CPU µs per append | bytes written per append | " +
            "ratios to time-ordered ids (appends/s, CPU, bytes) |");
        table.AppendLine("|---:|---|---:|---:|---:|---|");
        foreach (var f in figures)
        {
            var baseline = figures.First(b => b.Round == f.Round);
            table.AppendLine(c, $"| {f.Round} | {f.Kind} | {f.PerSecond:F0} | {f.CpuMicros:F1} | {f.Bytes:F0} | " +
                $"{f.PerSecond / baseline.PerSecond:F2}, {f.CpuMicros / baseline.CpuMicros:F2}, " +
                $"{f.Bytes / baseline.Bytes:F2} |");
        }

        var machine = Run.MachineInfo.Read(Run.Tools.Find());
        var text = $"# What a record costs the message log\n\n- run: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, " +
            $"source {machine.Source()}, {machine.BuildConfiguration} build\n- " +
            $"{Environment.ProcessorCount} cores, one process; {Appenders} appenders; each kind of record in a log " +
            $"of its own, first filled with {fill:N0} records of its kind, then {seconds} s measured; signed records " +
            "as the archive benchmark builds them (envelope, batch signature, proof, subject hash)\n\n" + table;
        Console.Out.Write(text);
        if (output is not null)
        {
            Directory.CreateDirectory(output);
            await File.WriteAllTextAsync(Path.Combine(output, "appends.md"), text).ConfigureAwait(false);
            var json = JsonSerializer.Serialize(new { machine.SourceCommit, fill, seconds, figures }, Json);
            await File.WriteAllTextAsync(Path.Combine(output, "appends.json"), json).ConfigureAwait(false);
            Console.Out.WriteLine($"wrote {Path.Combine(output, "appends.md")} and appends.json");
        }
    }

    private sealed record Kind(string Name, Func<Guid> Id, Func<MessageRecord, MessageRecord> Change)
    {
        /// <summary>The records as this kind keeps them, made once before the clock runs.</summary>
        public List<MessageRecord> Prepare(List<MessageRecord> records) => records.ConvertAll(r => Change(r));

        public MessageRecord Make(MessageRecord record) =>
            record with { MessageId = Id().ToString(), LoggedAt = DateTimeOffset.UtcNow };
    }

    private sealed record AppendCost(
        string Kind, int Round, long Appends, double PerSecond, double CpuMicros, double Bytes);
}
