using System.Globalization;
using System.Runtime.InteropServices;
using ExchangeGateway.Benchmarks.Report;

namespace ExchangeGateway.Benchmarks.Run;

/// <summary>What the run ran on and from: CPU, memory, kernel, runtime, tool versions, the source commit.</summary>
internal static class MachineInfo
{
    public static MachineReport Read(Tools tools)
    {
        var repository = Repository();
        var status = repository is null ? null : Tools.Output(tools.Git, "-C", repository, "status", "--porcelain");
        return new MachineReport(
            Cpu: Line("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
            LogicalCpus: Environment.ProcessorCount,
            MemoryGiB: Math.Round(Kilobytes("MemTotal") / 1024.0 / 1024.0, 1),
            Kernel: Text("/proc/sys/kernel/osrelease") ?? RuntimeInformation.OSDescription,
            Runtime: RuntimeInformation.FrameworkDescription,
            Nginx: Tools.FirstLine(tools.Nginx, "-v"),
            H2Load: Tools.FirstLine(tools.H2Load, "--version"),
            Gnuplot: Tools.FirstLine(tools.Gnuplot, "--version"),
            SourceCommit: repository is null ? null : Tools.FirstLine(tools.Git, "-C", repository, "rev-parse", "HEAD"),
            UncommittedProductFiles: status?.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Length > 3 ? line[3..].Trim() : line)
                .Where(path => path.StartsWith("src/", StringComparison.Ordinal)
                    || path.StartsWith("protos/", StringComparison.Ordinal))
                .ToList(),
            BuildConfiguration: Configuration);
    }

    /// <summary>The file system type of the mount that holds <paramref name="path"/>, from /proc/mounts.</summary>
    public static string FileSystemOf(string path)
    {
        var full = Path.GetFullPath(path);
        var best = (Mount: "", Type: "unknown");
        foreach (var line in Lines("/proc/mounts"))
        {
            var fields = line.Split(' ');
            if (fields.Length > 2 && IsUnder(full, fields[1]) && fields[1].Length >= best.Mount.Length)
            {
                best = (fields[1], fields[2]);
            }
        }

        return best.Type;
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static bool IsUnder(string path, string mount) => mount == "/"
        || path == mount || path.StartsWith(mount + "/", StringComparison.Ordinal);

    private static string? Repository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null;
             directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ExchangeGateway.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    private static string? Line(string file, string key) => Lines(file)
        .Where(l => l.StartsWith(key, StringComparison.Ordinal))
        .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
        .FirstOrDefault();

    private static long Kilobytes(string key) => long.TryParse(
        Line("/proc/meminfo", key)?.Split(' ')[0], CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static string? Text(string file) => File.Exists(file) ? File.ReadAllText(file).Trim() : null;

    private static IEnumerable<string> Lines(string file) => File.Exists(file) ? File.ReadLines(file) : [];
}
