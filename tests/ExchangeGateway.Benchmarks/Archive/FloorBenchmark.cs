using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ExchangeGateway.Benchmarks.Load;
using ExchangeGateway.Core.Envelopes;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Core.Pki;
using ExchangeGateway.Core.Signing;

namespace ExchangeGateway.Benchmarks.Archive;

/// <summary>
/// The evidence a lone call cannot do without, each step timed alone in one process and one run: a lone envelope
/// sealed (encoded, hashed, signed as a batch of one by <see cref="BatchSigner"/>), a lone message's signature
/// checked (<see cref="SignatureVerifier.VerifyMessage"/>, a new batch each time, so never from its cache), a lone
/// record appended and awaited until durable (<see cref="SqliteMessageLog"/>, records of the gateway pair's shape),
/// and, for the disk under them, 4 KiB rewritten in place in a file and its <c>fsync</c>. At one call at a time a
/// call waits for two seals (consumer, provider), two checks (provider, then consumer) and at least one durable record
/// (the consumer's record of the checked response, which comes after the check and before the answer): the sum of
/// their medians estimates the least the evidence adds to a call's latency, whatever else the gateways do.
/// </summary>
internal static class FloorBenchmark
{
    /// <summary>The options it takes.</summary>
    public static readonly IReadOnlySet<string> Options = Arguments.Names("--count", "--rounds", "--out");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(Arguments args)
    {
        var count = args.Int("--count", 2000);
        var rounds = args.Int("--rounds", 5);
        var output = args.Optional("--out");
        if (count < 10)
        {
            throw new ArgumentException("--count must be at least 10");
        }

        if (rounds < 1)
        {
            throw new ArgumentException("--rounds must be at least 1");
        }

        var work = Directory.CreateTempSubdirectory("exgw-floor-bench-");
        try
        {
            // Rounds one after another, each with a signer and a log of its own: on a shared machine a round's
            // figures move with what else runs, and the medians over the rounds move less.
            var measured = new List<FloorSteps>();
            for (var round = 1; round <= rounds; round++)
            {
                var folder = Directory.CreateDirectory(Path.Combine(work.FullName, $"round-{round}")).FullName;
                measured.Add(await MeasureAsync(folder, count).ConfigureAwait(false));
            }

            var steps = FloorSteps.Median(measured);
            await WriteAsync(count, steps, measured, output).ConfigureAwait(false);
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<FloorSteps> MeasureAsync(string folder, int count)
    {
        var now = DateTimeOffset.UtcNow;
        var ca = CertificateFactory.CreateAuthority("CN=Floor benchmark CA", now.AddDays(-1), now.AddDays(1));
        var signing = CertificateFactory.CreateSigning(ca, "CN=member", now.AddDays(-1), now.AddDays(1));
        var authorities = new System.Security.Cryptography.X509Certificates.X509Certificate2Collection(ca);
        await using var signer = new BatchSigner(new MessageSigner(signing));
        var warmup = Math.Max(count / 10, 5);

        var sealedOnes = new List<(byte[] Envelope, BatchSignature Signature)>();
        var seal = await TimeAsync(warmup, count, async i =>
        {
            sealedOnes.Add(await ArchiveBed.SignAsync(signer, EnvelopeKind.Request, Guid.CreateVersion7().ToString(),
                Envelope.Truncate(DateTimeOffset.UtcNow), BitConverter.GetBytes(i)).ConfigureAwait(false));
        }).ConfigureAwait(false);

        var check = await TimeAsync(warmup, count, i =>
        {
            var (envelope, signature) = sealedOnes[i % sealedOnes.Count];
            var result = SignatureVerifier.VerifyMessage(
                envelope, signature.Cms, signature.Proof.Encode(), authorities, DateTimeOffset.UtcNow);
            return result.IsValid ? Task.CompletedTask : throw new InvalidOperationException(result.Failure);
        }).ConfigureAwait(false);

        var log = SqliteMessageLog.Open(Path.Combine(folder, "messagelog.db"));
        Step record;
        await using (log.ConfigureAwait(false))
        {
            record = await TimeAsync(warmup, count, async i =>
            {
                // As the gateway pair's benchmark calls make them: signed, no person named, no body.
                var signed = sealedOnes[i % sealedOnes.Count];
                await log.AppendAsync(ArchiveBed.Record(LogSide.Consumer, EnvelopeKind.Response,
                    Guid.CreateVersion7().ToString(), Envelope.Truncate(DateTimeOffset.UtcNow), signed.Envelope,
                    signed, subject: null, keepPayload: false)).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }

        using var file = File.OpenHandle(Path.Combine(folder, "fsync.bin"), FileMode.Create, FileAccess.ReadWrite);
        var fsync = await TimeAsync(warmup, count, Rewrite(file)).ConfigureAwait(false);
        return new FloorSteps(seal, check, record, fsync);
    }

    /// <summary>
    /// A step that rewrites one 4 KiB page of <paramref name="file"/>, written whole beforehand, in turn, and fsyncs
    /// it, as SQLite rewrites its WAL in place once a checkpoint has reset it: a file that grew at every write would
    /// also have its size and new blocks to commit, which the log's steady state does not.
    /// </summary>
    private static Func<int, Task> Rewrite(Microsoft.Win32.SafeHandles.SafeFileHandle file)
    {
        const int Pages = 256;
        var page = RandomNumberGenerator.GetBytes(4096);
        for (var i = 0; i < Pages; i++)
        {
            RandomAccess.Write(file, page, (long)i * page.Length);
        }

        RandomAccess.FlushToDisk(file);
        return i =>
        {
            RandomAccess.Write(file, page, (long)(i % Pages) * page.Length);
            RandomAccess.FlushToDisk(file);
            return Task.CompletedTask;
        };
    }

    /// <summary>Runs <paramref name="step"/> <paramref name="warmup"/> times untimed, then
    /// <paramref name="count"/> times one after another, each timed.</summary>
    private static async Task<Step> TimeAsync(int warmup, int count, Func<int, Task> step)
    {
        for (var i = 0; i < warmup; i++)
        {
            await step(i).ConfigureAwait(false);
        }

        var micros = new double[count];
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await step(warmup + i).ConfigureAwait(false);
            micros[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        Array.Sort(micros);
        return new Step(Percentiles.Of(micros, 50), Percentiles.Of(micros, 90), Percentiles.Of(micros, 99));
    }

    private static async Task WriteAsync(int count, FloorSteps steps, List<FloorSteps> rounds, string? output)
    {
        var floor = steps.Floor;
        var c = CultureInfo.InvariantCulture;
        var table = new StringBuilder();
        table.AppendLine("| step | p50 µs | p90 µs | p99 µs | times on a lone call's way |");
        table.AppendLine("|---|---:|---:|---:|---:|");
        table.AppendLine(Row("seal: a lone envelope encoded, hashed and signed (a batch of one)", steps.Seal, "2"));
        table.AppendLine(Row("check: a lone message's signature and proof verified", steps.Check, "2"));
        table.AppendLine(Row("record: a lone record appended and durable", steps.Record, "at least 1"));
        table.AppendLine(
            Row("the disk: 4 KiB rewritten in place in a file and its fsync", steps.Fsync, "(inside each record)"));
        table.AppendLine(c,
            $"| floor: 2 seals + 2 checks + 1 record (p50s, summed before rounding) | {floor:F0} | | | |");

        var machine = Run.MachineInfo.Read(Run.Tools.Find());
        var run = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm", c);
        var text = "# What the evidence adds to a lone call, at the least (an estimate from medians)\n\n" +
            $"- run: {run} UTC, " +
            $"source {machine.Source()}, {machine.BuildConfiguration} build\n- " +
            $"{Environment.ProcessorCount} cores, one process of its own (the machine's other processes go on); " +
            $"{rounds.Count} rounds one after another, in each every step {count:N0} times one after another after " +
            "a tenth as many (at least 5) untimed; each figure the median of the rounds' own; ECDSA P-256 CMS " +
            "signatures; records of the gateway pair's shape (envelope, signature, proof, no person named) in a " +
            $"new SQLite log (WAL, full sync) in {Path.GetTempPath()} each round\n- the rounds' own floors, µs: " +
            string.Join(", ", rounds.Select(r => r.Floor.ToString("F0", c))) + "\n\n" + table +
            "\nAt one call at a time a call waits, one after the " +
            "other, for the consumer's seal, the provider's check, the provider's seal, the consumer's check and the " +
            $"consumer's record of the checked response: about {(floor / 1000).ToString("F2", c)} ms by these " +
            "medians, before any hop, registry call or parsing; the provider's own records overlap its registry call " +
            "and the consumer's check.\n";
        Console.Out.Write(text);
        if (output is not null)
        {
            Directory.CreateDirectory(output);
            await File.WriteAllTextAsync(Path.Combine(output, "floor.md"), text).ConfigureAwait(false);
            var json = JsonSerializer.Serialize(new { machine.SourceCommit, count, steps, floor, rounds }, Json);
            await File.WriteAllTextAsync(Path.Combine(output, "floor.json"), json).ConfigureAwait(false);
            Console.Out.WriteLine($"wrote {Path.Combine(output, "floor.md")} and floor.json");
        }
    }

    private static string Row(string name, Step step, string times) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {step.P50:F0} | {step.P90:F0} | {step.P99:F0} | {times} |");

    private sealed record Step(double P50, double P90, double P99)
    {
        public static Step Median(IEnumerable<Step> steps) => new(Percentiles.Median(steps.Select(s => s.P50)),
            Percentiles.Median(steps.Select(s => s.P90)), Percentiles.Median(steps.Select(s => s.P99)));
    }

    private sealed record FloorSteps(Step Seal, Step Check, Step Record, Step Fsync)
    {
        /// <summary>Two seals, two checks and one record, by their medians.</summary>
        public double Floor => 2 * Seal.P50 + 2 * Check.P50 + Record.P50;

        /// <summary>Each step's percentiles, the median of the rounds' own.</summary>
        public static FloorSteps Median(List<FloorSteps> rounds) => new(
            Step.Median(rounds.Select(r => r.Seal)), Step.Median(rounds.Select(r => r.Check)),
            Step.Median(rounds.Select(r => r.Record)), Step.Median(rounds.Select(r => r.Fsync)));
    }
}
