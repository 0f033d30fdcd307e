using System.Globalization;
using System.Text.RegularExpressions;
using ExchangeGateway.Benchmarks.Processes;

namespace ExchangeGateway.Benchmarks.Load;

/// <summary>
/// Drives one point with h2load (nghttp2): one connection, <c>-m</c> concurrent streams, a pre-framed unary gRPC
/// request body, and the gRPC and X-Road headers. A warm-up run first, then the measured run.
/// </summary>
/// <remarks>
/// h2load counts HTTP status only, and a failed gRPC call is HTTP 200 with <c>grpc-status</c> in trailers. So a
/// call counts as a success only if the data h2load received covers a whole echoed reply per call; fewer bytes
/// make the shortfall failures. Latencies come from h2load's per-request log (<c>--log-file</c>). CPU time of the
/// watched processes is read just before h2load starts and just after it exits; h2load's own CPU time is what
/// the benchmark's reaped-children counter gained while h2load ran (it is the only child that exits then).
/// </remarks>
internal sealed partial class H2Load(string executable, string workDirectory, ChildProcess guard)
{
    public async Task<LoadResult> RunAsync(
        Uri target, string requestFile, long replyFrameBytes, IReadOnlyDictionary<string, string> headers,
        int concurrency, double warmupSeconds, double durationSeconds, Dictionary<string, int[]> watch,
        CancellationToken cancellationToken)
    {
        var url = new Uri(target, "/testing.v1.Echo/Say").ToString();
        if (warmupSeconds > 0)
        {
            await RunOnceAsync(url, requestFile, headers, concurrency, warmupSeconds, null, cancellationToken)
                .ConfigureAwait(false);
        }

        var logFile = Path.Combine(workDirectory, "h2load-requests.tsv");
        File.Delete(logFile);
        var cpuBefore = Cpu(watch);
        var threadsBefore = ThreadStat.Read(watch);
        var reapedBefore = ProcStat.ReapedChildrenCpuSeconds();
        var startedAt = DateTimeOffset.UtcNow;
        var output = await RunOnceAsync(url, requestFile, headers, concurrency, durationSeconds, logFile,
            cancellationToken).ConfigureAwait(false);
        var endedAt = DateTimeOffset.UtcNow;
        var cpu = Cpu(watch).ToDictionary(p => p.Key, p => p.Value - cpuBefore[p.Key]);
        var threads = ThreadStat.Between(threadsBefore, ThreadStat.Read(watch));
        cpu["load-generator"] = ProcStat.ReapedChildrenCpuSeconds() - reapedBefore;
        return Parse(output, logFile, replyFrameBytes, cpu, threads, startedAt, endedAt);
    }

    private static Dictionary<string, double> Cpu(Dictionary<string, int[]> watch)
    {
        var cpu = watch.ToDictionary(p => p.Key, p => p.Value.Sum(pid => ProcStat.CpuSeconds(pid) ?? 0));
        cpu[DotnetLoad.Machine] = ProcStat.MachineBusySeconds();
        return cpu;
    }

    private async Task<string> RunOnceAsync(
        string url, string requestFile, IReadOnlyDictionary<string, string> headers, int concurrency,
        double seconds, string? logFile, CancellationToken cancellationToken)
    {
        var arguments = new List<string>
        {
            "-c", "1", "-t", "1", "-m", concurrency.ToString(CultureInfo.InvariantCulture),
            "-D", $"{Math.Round(seconds * 1000).ToString(CultureInfo.InvariantCulture)}ms",
            "-d", requestFile,
            "-H", "content-type: application/grpc",
            "-H", "te: trailers",
        };
        foreach (var (key, value) in headers)
        {
            arguments.AddRange(["-H", $"{key}: {value}"]);
        }

        if (logFile is not null)
        {
            arguments.AddRange(["--log-file", logFile]);
        }

        arguments.Add(url);
        var output = Path.Combine(workDirectory, "h2load-output.txt");
        File.Delete(output);
        var h2load = ChildProcess.Start("h2load", executable, arguments, output, guard);
        await using (h2load.ConfigureAwait(false))
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(TimeSpan.FromSeconds(seconds + 60));
            await h2load.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            if (h2load.ExitCode != 0)
            {
                throw new InvalidOperationException($"h2load exited with code {h2load.ExitCode}; see {output}");
            }
        }

        return await File.ReadAllTextAsync(output, cancellationToken).ConfigureAwait(false);
    }

    private static LoadResult Parse(
        string output, string logFile, long replyFrameBytes, Dictionary<string, double> cpu,
        Dictionary<string, Dictionary<string, ThreadUse>> threads, DateTimeOffset startedAt, DateTimeOffset endedAt)
    {
        var finished = FinishedLine().Match(output);
        var requests = RequestsLine().Match(output);
        var traffic = TrafficLine().Match(output);
        if (!finished.Success || !requests.Success || !traffic.Success)
        {
            throw new InvalidOperationException($"h2load printed no summary:\n{output}");
        }

        var seconds = Number(finished.Groups["seconds"].Value) * (finished.Groups["unit"].Value == "ms" ? 0.001 : 1);
        var succeeded = long.Parse(requests.Groups["succeeded"].Value, CultureInfo.InvariantCulture);
        var failed = long.Parse(requests.Groups["failed"].Value, CultureInfo.InvariantCulture)
            + long.Parse(requests.Groups["errored"].Value, CultureInfo.InvariantCulture)
            + long.Parse(requests.Groups["timeout"].Value, CultureInfo.InvariantCulture);
        var data = long.Parse(traffic.Groups["data"].Value, CultureInfo.InvariantCulture);
        var whole = Math.Min(succeeded, data / replyFrameBytes);
        var latencies = File.ReadLines(logFile)
            .Select(line => line.Split('\t'))
            .Where(fields => fields.Length >= 3 && fields[1] == "200")
            .Select(fields => Number(fields[2]) / 1000.0)
            .Order()
            .ToList();
        return new LoadResult
        {
            Requests = whole,
            Failures = failed + (succeeded - whole),
            FirstFailure = whole < succeeded
                ? $"{succeeded - whole} of {succeeded} HTTP 200 answers lacked a whole reply (a gRPC error)"
                : failed > 0 ? $"{failed} requests failed at the HTTP level" : null,
            Seconds = seconds,
            P50Milliseconds = Percentiles.Of(latencies, 50),
            P99Milliseconds = Percentiles.Of(latencies, 99),
            CpuSeconds = cpu,
            Threads = threads,
            StartedAt = startedAt,
            EndedAt = endedAt,
        };
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"finished in (?<seconds>[0-9.]+)(?<unit>s|ms)")]
    private static partial Regex FinishedLine();

    [GeneratedRegex(@"requests: \d+ total, \d+ started, \d+ done, (?<succeeded>\d+) succeeded, "
        + @"(?<failed>\d+) failed, (?<errored>\d+) errored, (?<timeout>\d+) timeout")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"traffic: .*\((?<data>\d+)\) data")]
    private static partial Regex TrafficLine();
}
