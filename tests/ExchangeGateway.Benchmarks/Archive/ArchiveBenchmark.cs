using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ExchangeGateway.Benchmarks.Processes;
using ExchangeGateway.Core.Archives;
using ExchangeGateway.Core.MessageLog;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExchangeGateway.Benchmarks.Archive;

/// <summary>
/// The auditor's side at scale: a consumer gateway's log of N records (requests and responses, batch-signed by two
/// members, time-stamped by a real RFC 3161 TSA on loopback every 10,000 records, 1 in 100 with its payload),
/// archived, then verified by <c>archive-verify</c> in a process of its own so that its speed and peak memory are
/// its alone. Reported: records per second and peak resident memory of writing and of verifying.
/// </summary>
internal static class ArchiveBenchmark
{
    /// <summary>The options it takes.</summary>
    public static readonly IReadOnlySet<string> Options = Arguments.Names("--records", "--out");

    public static async Task<int> RunAsync(Arguments args)
    {
        var records = args.Int("--records", 100_000);
        var output = args.Optional("--out");
        var work = Directory.CreateTempSubdirectory("exgw-archive-bench-");
        try
        {
            var bed = await ArchiveBed.CreateAsync(work.FullName, NullLoggerFactory.Instance).ConfigureAwait(false);
            await using (bed.ConfigureAwait(false))
            {
                var build = Stopwatch.StartNew();
                await bed.FillAsync(records).ConfigureAwait(false);
                build.Stop();
                var write = Stopwatch.StartNew();
                var archives = bed.Archive(records);
                write.Stop();
                var paths = archives.Select(a => Path.Combine(bed.ArchiveDirectory, a.Name)).ToList();
                var bytes = paths.Sum(p => new FileInfo(p).Length);
                var verify = await VerifyInChildAsync(bed.AnchorPath, paths).ConfigureAwait(false);
                var report = new ArchiveReport(records, archives.Count, bytes, build.Elapsed.TotalSeconds,
                    write.Elapsed.TotalSeconds, records / write.Elapsed.TotalSeconds, verify);
                await WriteAsync(report, output).ConfigureAwait(false);
                return verify.Valid && verify.Records == records ? 0 : 1;
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>The <c>archive-verify</c> role (<c>--anchor FILE -- ARCHIVE...</c>): verifies, then prints one JSON
    /// line of figures.</summary>
    public static int Verify(string[] args)
    {
        var anchor = Arguments.Parse(args.TakeWhile(a => a != "--").ToList()).Required("--anchor");
        var paths = args.SkipWhile(a => a != "--").Skip(1).ToList();
        var anchors = new System.Security.Cryptography.X509Certificates.X509Certificate2Collection();
        anchors.ImportFromPemFile(anchor);
        var clock = Stopwatch.StartNew();
        var verification = ArchiveVerifier.Verify(paths, anchors);
        clock.Stop();
        var figures = new VerifyFigures(verification.IsValid, verification.Failure?.ToString(), verification.Records,
            clock.Elapsed.TotalSeconds, verification.Records / clock.Elapsed.TotalSeconds,
            Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0));
        Console.Out.WriteLine(JsonSerializer.Serialize(figures, Json));
        return verification.IsValid ? 0 : 1;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    private static async Task<VerifyFigures> VerifyInChildAsync(string anchor, List<string> paths)
    {
        var (file, prefix) = SelfCommand.Resolve();
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[.. prefix, "archive-verify", "--anchor", anchor, "--", .. paths])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("archive-verify did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        var line = (await stdout.ConfigureAwait(false)).Trim();
        return line.Length > 0 && line[0] == '{'
            ? JsonSerializer.Deserialize<VerifyFigures>(line, Json)!
            : new VerifyFigures(false, "archive-verify printed: " + line + await stderr.ConfigureAwait(false), 0, 0, 0,
                0);
    }

    private static async Task WriteAsync(ArchiveReport report, string? output)
    {
        var c = CultureInfo.InvariantCulture;
        var v = report.Verify;
        var table = new StringBuilder();
        table.AppendLine("| step | records | seconds | records/s | peak memory (MiB) |");
        table.AppendLine("|---|---:|---:|---:|---:|");
        table.AppendLine(c, $"| fill the log (sign, append, stamp) | {report.Records:N0} | " +
            $"{report.BuildSeconds:F1} | " +
            $"{report.Records / report.BuildSeconds:N0} | |");
        table.AppendLine(c, $"| write archives ({report.Archives}, {report.Bytes / 1048576.0:F1} MiB) | " +
            $"{report.Records:N0} | {report.WriteSeconds:F1} | {report.WriteRecordsPerSecond:N0} | |");
        table.AppendLine(c, $"| verify offline (own process) | {v.Records:N0} | {v.Seconds:F1} | " +
            $"{v.RecordsPerSecond:N0} | {v.PeakMiB:F0} |");
        var verdict = v.Valid ? "verified" : $"FAILED: {v.Failure}";
        var text = $"# Archive benchmark\n\n{Environment.ProcessorCount} cores; {verdict}.\n\n{table}";
        Console.Out.Write(text);
        if (output is not null)
        {
            Directory.CreateDirectory(output);
            await File.WriteAllTextAsync(Path.Combine(output, "archive.md"), text).ConfigureAwait(false);
            await File.WriteAllTextAsync(Path.Combine(output, "archive.json"),
                JsonSerializer.Serialize(report, Json)).ConfigureAwait(false);
        }
    }
}

/// <summary>What <c>archive-verify</c> measured.</summary>
internal sealed record VerifyFigures(
    bool Valid, string? Failure, long Records, double Seconds, double RecordsPerSecond, double PeakMiB);

/// <summary>The whole archive benchmark's figures.</summary>
internal sealed record ArchiveReport(
    long Records, int Archives, long Bytes, double BuildSeconds, double WriteSeconds, double WriteRecordsPerSecond,
    VerifyFigures Verify);
