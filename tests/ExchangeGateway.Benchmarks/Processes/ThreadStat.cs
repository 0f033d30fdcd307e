using System.Globalization;

namespace ExchangeGateway.Benchmarks.Processes;

/// <summary>CPU time and context switches of a group of threads: over a window, or per call.</summary>
/// <param name="CpuSeconds">User and system time (utime + stime of <c>/proc/PID/task/TID/stat</c>).</param>
/// <param name="Voluntary">Switches where a thread gave up the processor to wait (voluntary_ctxt_switches).</param>
/// <param name="Involuntary">Switches where a thread still able to run left the processor: preempted, or
/// yielding it (<c>sched_yield</c>, as spinning .NET thread-pool workers do) (nonvoluntary_ctxt_switches).</param>
internal sealed record ThreadUse(double CpuSeconds, double Voluntary, double Involuntary)
{
    public static readonly ThreadUse None = new(0, 0, 0);

    public ThreadUse Plus(ThreadUse other) =>
        new(CpuSeconds + other.CpuSeconds, Voluntary + other.Voluntary, Involuntary + other.Involuntary);

    public ThreadUse Minus(ThreadUse other) =>
        new(CpuSeconds - other.CpuSeconds, Voluntary - other.Voluntary, Involuntary - other.Involuntary);

    public ThreadUse Per(double calls) => new(CpuSeconds / calls, Voluntary / calls, Involuntary / calls);
}

/// <summary>
/// The threads of a process from <c>/proc/PID/task</c> (proc(5)), grouped by what they do in a .NET process: the
/// thread pool's workers, the message log's writer, the socket engine's event loop, and the rest.
/// </summary>
internal static class ThreadStat
{
    public const string Pool = "pool";
    public const string LogWriter = "log writer";
    public const string Sockets = "sockets";
    public const string Other = "other";

    /// <summary>The groups in the order reports print them.</summary>
    public static readonly string[] Groups = [Pool, LogWriter, Sockets, Other];

    /// <summary>Each thread of the process now, by thread id: its name and its totals so far. Empty when the
    /// process is gone.</summary>
    public static Dictionary<int, (string Name, ThreadUse Use)> Read(int pid)
    {
        var threads = new Dictionary<int, (string, ThreadUse)>();
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                if (Thread(task) is { } thread)
                {
                    threads[int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture)] = thread;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The process is gone: nothing more to count.
        }

        return threads;
    }

    /// <summary>What each group used between two readings. A thread that started in between counts whole; one
    /// that ended in between is missing from the second reading, and its last moments with it.</summary>
    public static Dictionary<string, ThreadUse> Between(
        Dictionary<int, (string Name, ThreadUse Use)> before, Dictionary<int, (string Name, ThreadUse Use)> after)
    {
        var groups = new Dictionary<string, ThreadUse>();
        foreach (var (tid, (name, use)) in after)
        {
            var since = before.TryGetValue(tid, out var earlier) ? use.Minus(earlier.Use) : use;
            var group = GroupOf(name);
            groups[group] = groups.GetValueOrDefault(group, ThreadUse.None).Plus(since);
        }

        return groups;
    }

    /// <summary>
    /// CPU seconds each tiered compilation worker of the .NET runtime in the process has used, by thread id (none
    /// for a process without a runtime, such as nginx): the thread that compiles hot methods again, optimized,
    /// while a process warms up. The runtime ends an idle worker and starts another when there is work again, so
    /// the time of one thread id is what can be compared between two readings.
    /// </summary>
    public static IEnumerable<KeyValuePair<int, double>> CompilerSeconds(int pid) => Read(pid)
        .Where(t => t.Value.Name.StartsWith(".NET Tiered", StringComparison.Ordinal))
        .Select(t => KeyValuePair.Create(t.Key, t.Value.Use.CpuSeconds));

    /// <summary>The threads of every process watched, by the name the processes go by (TIDs are unique across
    /// processes, so a name's processes share one table).</summary>
    public static Dictionary<string, Dictionary<int, (string Name, ThreadUse Use)>> Read(
        Dictionary<string, int[]> watch) => watch.ToDictionary(
        p => p.Key, p => p.Value.SelectMany(pid => Read(pid)).ToDictionary(t => t.Key, t => t.Value));

    /// <summary>What each group of each process watched used between two readings.</summary>
    public static Dictionary<string, Dictionary<string, ThreadUse>> Between(
        Dictionary<string, Dictionary<int, (string Name, ThreadUse Use)>> before,
        Dictionary<string, Dictionary<int, (string Name, ThreadUse Use)>> after) => after.ToDictionary(
        p => p.Key, p => Between(before.GetValueOrDefault(p.Key) ?? [], p.Value));

    private static (string, ThreadUse)? Thread(string task)
    {
        try
        {
            var name = File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n');
            if (ProcStat.FieldsOf(Path.Combine(task, "stat")) is not { } fields)
            {
                return null;
            }

            long voluntary = 0, involuntary = 0;
            foreach (var line in File.ReadLines(Path.Combine(task, "status")))
            {
                if (line.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal))
                {
                    voluntary = long.Parse(line.AsSpan(line.IndexOf(':') + 1).Trim(), CultureInfo.InvariantCulture);
                }
                else if (line.StartsWith("nonvoluntary_ctxt_switches:", StringComparison.Ordinal))
                {
                    involuntary = long.Parse(line.AsSpan(line.IndexOf(':') + 1).Trim(), CultureInfo.InvariantCulture);
                }
            }

            return (name, new ThreadUse(ProcStat.CpuSecondsOf(fields), voluntary, involuntary));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Thread names are cut to 15 characters by the kernel: ".NET TP Worker", "exgw message lo", ".NET Sockets".
    private static string GroupOf(string name) => name switch
    {
        ".NET TP Worker" => Pool,
        _ when name.StartsWith("exgw message", StringComparison.Ordinal) => LogWriter,
        ".NET Sockets" => Sockets,
        _ => Other,
    };
}
