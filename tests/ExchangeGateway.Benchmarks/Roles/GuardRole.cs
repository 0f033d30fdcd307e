using System.Diagnostics;
using System.Globalization;
using ExchangeGateway.Benchmarks.Processes;

namespace ExchangeGateway.Benchmarks.Roles;

/// <summary>
/// <c>guard</c>: reads <c>PID STARTTIME</c> lines on standard input, one per process the benchmark starts; when its
/// input ends, because the benchmark finished or died, it kills whichever of them still runs, with its children.
/// </summary>
/// <remarks>
/// nginx and h2load cannot watch their parent as the role processes do; this is what keeps them from outliving a
/// benchmark that was killed. The start time guards against a recycled process id.
/// </remarks>
internal static class GuardRole
{
    public static async Task<int> RunAsync()
    {
        var watched = new List<(int Pid, long StartTime)>();
        using var input = new StreamReader(Console.OpenStandardInput());
        while (await input.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var pid)
                && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var start))
            {
                watched.Add((pid, start));
            }
        }

        foreach (var (pid, start) in watched)
        {
            if (ProcStat.StartTime(pid) != start)
            {
                continue;
            }

            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException
                or System.ComponentModel.Win32Exception)
            {
                // Already gone.
            }
        }

        return 0;
    }
}
