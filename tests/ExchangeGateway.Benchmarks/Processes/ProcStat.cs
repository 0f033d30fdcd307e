using System.Globalization;

namespace ExchangeGateway.Benchmarks.Processes;

/// <summary>
/// Per-process figures read from Linux procfs: CPU time from <c>/proc/PID/stat</c> (utime + stime, proc(5)),
/// resident memory from <c>/proc/PID/status</c> (VmHWM, VmRSS), and the peak reset through <c>clear_refs</c>.
/// </summary>
internal static class ProcStat
{
    private const int UtimeField = 14;
    private const int StartTimeField = 22;

    /// <summary>Clock ticks per second, from the auxiliary vector (AT_CLKTCK); 100 when it cannot be read.</summary>
    public static readonly double TicksPerSecond = ReadClockTicks();

    /// <summary>CPU seconds the process has used, user and system; null when it is gone.</summary>
    public static double? CpuSeconds(int pid)
    {
        var fields = Fields(pid);
        return fields is null ? null : CpuSecondsOf(fields);
    }

    /// <summary>User and system time (utime + stime) from the fields of a stat file of /proc.</summary>
    public static double CpuSecondsOf(string[] fields) =>
        (Tick(fields, UtimeField) + Tick(fields, UtimeField + 1)) / TicksPerSecond;

    /// <summary>CPU seconds of this process's waited-for children (cutime + cstime).</summary>
    public static double ReapedChildrenCpuSeconds()
    {
        var fields = Fields(Environment.ProcessId)!;
        return (Tick(fields, UtimeField + 2) + Tick(fields, UtimeField + 3)) / TicksPerSecond;
    }

    /// <summary>CPU seconds the whole machine has been busy (user, nice, system, irq, softirq, steal of every core),
    /// from the first line of /proc/stat; with the per-process figures it shows what other programs used.</summary>
    public static double MachineBusySeconds()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long Field(int i) => long.Parse(fields[i], CultureInfo.InvariantCulture);
        return (Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8)) / TicksPerSecond;
    }

    /// <summary>The process's start time in ticks since boot; null when it is gone.</summary>
    public static long? StartTime(int pid) => Fields(pid) is { } fields ? Tick(fields, StartTimeField) : null;

    /// <summary>Peak resident set (VmHWM) in bytes; null when it is gone.</summary>
    public static long? PeakResidentBytes(int pid) => StatusKilobytes(pid, "VmHWM:") * 1024;

    /// <summary>Resident set now (VmRSS) in bytes; null when it is gone.</summary>
    public static long? ResidentBytes(int pid) => StatusKilobytes(pid, "VmRSS:") * 1024;

    /// <summary>Resets the peak resident set to the current one (writes 5 to clear_refs, Linux 4.0 on).</summary>
    public static bool ResetPeak(int pid)
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The processes whose parent is <paramref name="pid"/> (nginx's workers under its master).</summary>
    public static IReadOnlyList<int> Children(int pid)
    {
        var children = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), CultureInfo.InvariantCulture, out var candidate)
                && Fields(candidate) is { } fields && Tick(fields, 4) == pid)
            {
                children.Add(candidate);
            }
        }

        return children;
    }

    /// <summary>The fields of /proc/PID/stat, numbered as in proc(5) from 3 (the state) on; the command name,
    /// which may hold spaces and parentheses, is skipped.</summary>
    private static string[]? Fields(int pid) => FieldsOf($"/proc/{pid}/stat");

    /// <summary>The fields of a stat file of /proc (a process's or a thread's), as <see cref="Fields"/>; null when
    /// it is gone.</summary>
    public static string[]? FieldsOf(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var afterName = text.LastIndexOf(')');
        return afterName < 0 ? null : text[(afterName + 2)..].Split(' ');
    }

    private static long Tick(string[] fields, int field) =>
        long.Parse(fields[field - 3], CultureInfo.InvariantCulture);

    private static long? StatusKilobytes(int pid, string key)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(key, StringComparison.Ordinal))
                {
                    return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return null;
    }

    private static double ReadClockTicks()
    {
        const long atClockTicks = 17;
        try
        {
            var auxv = File.ReadAllBytes("/proc/self/auxv");
            for (var i = 0; i + 16 <= auxv.Length; i += 16)
            {
                if (BitConverter.ToInt64(auxv, i) == atClockTicks)
                {
                    return BitConverter.ToInt64(auxv, i + 8);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Fall through to the value every Linux architecture in use has.
        }

        return 100;
    }
}
