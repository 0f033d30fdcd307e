using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ExchangeGateway.Benchmarks.Tests;

public sealed class QuickBenchmarkTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    private readonly DirectoryInfo _out = Directory.CreateTempSubdirectory("exgw-bench-test-");

    [Fact]
    public async Task QuickMode_AllPaths_PositiveThroughputAndVerifiedLogs()
    {
        var (exitCode, output) = await RunBenchmarkAsync("--quick", "--out", _out.FullName);

        var json = Path.Combine(_out.FullName, "benchmark.json");
        Assert.True(File.Exists(json), $"no benchmark.json; the benchmark printed:\n{output}");
        Assert.True(File.Exists(Path.Combine(_out.FullName, "benchmark.md")));
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var root = report.RootElement;
        Assert.True(root.GetProperty("passed").GetBoolean(), $"the benchmark failed:\n{output}");
        Assert.Equal(0, exitCode);
        var dotnet = root.GetProperty("phases").EnumerateArray()
            .Single(p => p.GetProperty("generator").GetString() == "dotnet");
        foreach (var path in new[] { "direct", "gateway-pair" })
        {
            var point = dotnet.GetProperty("points").EnumerateArray()
                .Single(p => p.GetProperty("path").GetString() == path);
            Assert.True(point.GetProperty("requestsPerSecond").GetDouble() > 0, $"{path}: no throughput");
            Assert.Equal(0, point.GetProperty("failures").GetInt64());
            var idle = point.GetProperty("idleCpuPercent").GetDouble();
            Assert.InRange(idle, 0, 100);
        }

        // Every path was warmed before the points: one window in quick mode, with the share of it spent compiling
        // (summed over the processes measured, the generator included: at most every core). On a busy machine a
        // cold path may finish no call in its half-second window, so only the count is checked, not that calls
        // finished.
        foreach (var path in new[] { "direct", "gateway-pair" })
        {
            var warmup = dotnet.GetProperty("warmups").EnumerateArray()
                .Single(w => w.GetProperty("path").GetString() == path);
            Assert.Equal(1, warmup.GetProperty("requestsPerSecond").GetArrayLength());
            Assert.True(warmup.GetProperty("requestsPerSecond")[0].GetDouble() >= 0, $"{path}: warm-up calls");
            Assert.InRange(warmup.GetProperty("compiling")[0].GetDouble(), 0, Environment.ProcessorCount + 0.1);
        }

        // Each gateway reports the median of each stage of its calls, from its own instrument.
        var stages = dotnet.GetProperty("points").EnumerateArray()
            .Single(p => p.GetProperty("path").GetString() == "gateway-pair").GetProperty("stageMicroseconds");
        foreach (var (gateway, stage) in new[]
                 {
                     ("consumer-gw", "consumer seal"), ("consumer-gw", "consumer exchange"),
                     ("consumer-gw", "consumer provider-status"), ("consumer-gw", "consumer response-log"),
                     ("consumer-gw", "consumer answered"), ("provider-gw", "provider verify"),
                     ("provider-gw", "provider registry"), ("provider-gw", "provider request-log"),
                     ("provider-gw", "provider answered"),
                 })
        {
            Assert.True(stages.GetProperty(gateway).GetProperty(stage).GetDouble() > 0, $"{gateway} {stage}");
        }

        // Each log made every record of the point durable in some commit, at least one record a commit.
        var commits = dotnet.GetProperty("points").EnumerateArray()
            .Single(p => p.GetProperty("path").GetString() == "gateway-pair").GetProperty("recordsPerCommit");
        foreach (var gateway in new[] { "consumer-gw", "provider-gw" })
        {
            Assert.True(commits.GetProperty(gateway).GetDouble() >= 1, $"{gateway} records per commit");
        }

        // Each gateway's threads, by group: the pool's workers and the log's writer both worked for every call, and
        // the writer waited at least once a call (for the next record or for its commit).
        var threads = dotnet.GetProperty("points").EnumerateArray()
            .Single(p => p.GetProperty("path").GetString() == "gateway-pair").GetProperty("threadsPerCall");
        foreach (var gateway in new[] { "consumer-gw", "provider-gw" })
        {
            var groups = threads.GetProperty(gateway);
            Assert.True(groups.GetProperty("pool").GetProperty("cpuSeconds").GetDouble() > 0, $"{gateway} pool");
            var writer = groups.GetProperty("log writer");
            Assert.True(writer.GetProperty("cpuSeconds").GetDouble() > 0, $"{gateway} log writer CPU");
            Assert.True(writer.GetProperty("voluntary").GetDouble() > 0, $"{gateway} log writer switches");
        }

        // Compared with itself every ratio is 1.00; with a copy whose gateway pair made twice the calls, 2.00 there.
        var doubled = Path.Combine(_out.FullName, "doubled.json");
        var copy = JsonNode.Parse(await File.ReadAllTextAsync(json))!;
        foreach (var pair in copy["phases"]!.AsArray().SelectMany(p => p!["points"]!.AsArray())
                     .Where(p => (string?)p!["path"] == "gateway-pair"))
        {
            pair!["requestsPerSecond"] = 2 * (double)pair["requestsPerSecond"]!;
        }

        await File.WriteAllTextAsync(doubled, copy.ToJsonString());
        var (compared, comparison) = await RunBenchmarkAsync("compare", json, json, json, doubled);
        Assert.Equal(0, compared);
        var rows = comparison.Split('\n').Where(l => l.StartsWith("| dotnet | 1 KiB | 16 |", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(rows, r => r.Contains("| CPU µs per call, provider-gw |", StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Contains("(1.00) |", r, StringComparison.Ordinal));
        var calls = rows.Single(r => r.Contains("calls a second", StringComparison.Ordinal));
        Assert.EndsWith("(1.00) | (2.00) | 1.50 |", Regex.Replace(calls, "[0-9.]+ → [0-9.]+ ", ""),
            StringComparison.Ordinal);
        Assert.Equal(2, (await RunBenchmarkAsync("compare", json)).ExitCode);

        foreach (var phase in root.GetProperty("phases").EnumerateArray())
        {
            var logs = phase.GetProperty("logs").EnumerateArray().ToList();
            Assert.Equal(2, logs.Count);
            Assert.All(logs, log =>
            {
                Assert.True(log.GetProperty("verified").GetBoolean(), log.GetProperty("failure").ToString());
                Assert.True(log.GetProperty("signedRecords").GetInt64() > 0);
                Assert.True(log.GetProperty("stamps").GetInt64() > 0, "no time-stamp token in a gateway's log");
                Assert.True(log.GetProperty("stampedRecords").GetInt64() > 0);
            });
        }
    }

    [Fact]
    public async Task ArchiveBenchmark_SmallLog_WritesAndVerifiesItsArchive()
    {
        using var run = await RunRoleAsync("archive", "--records", "2000");

        var verify = run.Report.RootElement.GetProperty("verify");
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.GetProperty("failure").ToString());
        Assert.Equal(2000, verify.GetProperty("records").GetInt64());
        Assert.True(verify.GetProperty("peakMiB").GetDouble() > 0);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task StampingBenchmark_SmallBacklog_StampsWholeRoundsWhileRecordsAreAppended()
    {
        using var run = await RunRoleAsync("stamping", "--records", "40000", "--seconds", "1");

        var rounds = run.Report.RootElement.GetProperty("rounds").EnumerateArray().ToList();
        Assert.NotEmpty(rounds);
        Assert.Equal(3, run.Report.RootElement.GetProperty("quiet").GetArrayLength());
        Assert.All(rounds, r => Assert.Equal(10_000, r.GetProperty("records").GetInt32()));
        Assert.True(run.Report.RootElement.GetProperty("alone").GetProperty("appends").GetInt32() > 0);
        Assert.True(run.Report.RootElement.GetProperty("together").GetProperty("appends").GetInt32() > 0);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task AppendBenchmark_SmallLogs_ComparesEachKindWithTimeOrderedIds()
    {
        using var run = await RunRoleAsync("appends", "--records", "5000", "--seconds", "1", "--rounds", "1");

        var figures = run.Report.RootElement.GetProperty("figures").EnumerateArray().ToList();
        Assert.Equal(4, figures.Count);
        Assert.All(figures, f => Assert.True(f.GetProperty("appends").GetInt64() > 0));

        // Random ids put each record in a leaf of the message-id index of its own; time-ordered ones fill the last.
        Assert.True(figures[1].GetProperty("bytes").GetDouble() > figures[0].GetProperty("bytes").GetDouble(),
            run.Output);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task FloorBenchmark_FewTimes_SumsTwoSealsTwoChecksAndOneRecord()
    {
        using var run = await RunRoleAsync("floor", "--count", "20", "--rounds", "3");

        var steps = run.Report.RootElement.GetProperty("steps");
        double Median(string step) => steps.GetProperty(step).GetProperty("p50").GetDouble();
        Assert.All(new[] { "seal", "check", "record", "fsync" }, step => Assert.True(Median(step) > 0, step));

        var floor = run.Report.RootElement.GetProperty("floor").GetDouble();
        Assert.Equal(2 * Median("seal") + 2 * Median("check") + Median("record"), floor, precision: 6);

        // Each figure is the median of the three rounds' own.
        var rounds = run.Report.RootElement.GetProperty("rounds").EnumerateArray().ToList();
        Assert.Equal(3, rounds.Count);
        Assert.All(new[] { "seal", "check", "record", "fsync" }, step => Assert.Equal(
            rounds.Select(r => r.GetProperty(step).GetProperty("p50").GetDouble()).Order().ElementAt(1), Median(step)));
        var table = await File.ReadAllTextAsync(Path.Combine(_out.FullName, "floor.md"));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture,
            $"| floor: 2 seals + 2 checks + 1 record (p50s, summed before rounding) | {floor:F0} |"), table);
        Assert.Equal(0, run.ExitCode);
    }

    [Theory]
    [InlineData("--count", "5", "--count must be at least 10")]
    [InlineData("--count", "abc", "--count takes a whole number, not 'abc'")]
    [InlineData("--rounds", "0", "--rounds must be at least 1")]
    [InlineData("--rounds", "--out", "--rounds takes a value")]
    [InlineData("--cout", "50", "unknown option --cout")]
    public async Task FloorBenchmark_AnOptionItCannotUse_IsAUsageError(string option, string value, string message)
    {
        var (exitCode, output) = await RunBenchmarkAsync("floor", option, value, "--out", _out.FullName);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, output);
        Assert.False(File.Exists(Path.Combine(_out.FullName, "floor.json")));
    }

    [Theory]
    [InlineData("--concurency", "1,64", "unknown option --concurency")]
    [InlineData("--duration", "0", "'0' is not a number of seconds above 0 and at most 600")]
    [InlineData("--warmup", "-1", "'-1' is not a number of seconds above 0 and at most 600")]
    [InlineData("--paths", "direct,bogus", "'bogus' is not one of direct, proxy-pair, relay-pair, gateway-pair")]
    public async Task Run_AnOptionItCannotUse_IsAUsageError_BeforeAnythingStarts(
        string option, string value, string message)
    {
        // A misspelt option must not start a run of twenty minutes on the defaults, nor a window of no time pass.
        var (exitCode, output) = await RunBenchmarkAsync(option, value, "--quick", "--out", _out.FullName);

        Assert.Equal(2, exitCode);
        Assert.StartsWith(message, output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_out.FullName, "benchmark.json")));
    }

    public void Dispose() => _out.Delete(recursive: true);

    /// <summary>Runs the benchmark's <paramref name="role"/> with its output in this test's folder, and reads the
    /// JSON report named after the role, which it must have written.</summary>
    private async Task<RoleRun> RunRoleAsync(string role, params string[] args)
    {
        var (exitCode, output) = await RunBenchmarkAsync([role, .. args, "--out", _out.FullName]);
        var json = Path.Combine(_out.FullName, $"{role}.json");
        Assert.True(File.Exists(json), $"no {role}.json; the benchmark printed:\n{output}");
        return new RoleRun(exitCode, output, JsonDocument.Parse(await File.ReadAllTextAsync(json)));
    }

    private static async Task<(int ExitCode, string Output)> RunBenchmarkAsync(params string[] args)
    {
        var assembly = typeof(QuickBenchmarkTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BenchmarkAssembly").Value!;
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["exec", Path.GetFullPath(assembly), .. args])
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(Limit);
        }
        catch (TimeoutException)
        {
            // The benchmark and everything it started go together.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw;
        }

        return (process.ExitCode, await output + await error);
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";

    /// <summary>How a benchmark role ended, what it printed and its JSON report.</summary>
    private sealed record RoleRun(int ExitCode, string Output, JsonDocument Report) : IDisposable
    {
        public void Dispose() => Report.Dispose();
    }
}
