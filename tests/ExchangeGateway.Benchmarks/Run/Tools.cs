using System.Diagnostics;

namespace ExchangeGateway.Benchmarks.Run;

/// <summary>The outside programs the benchmark uses when they are installed: nginx, h2load, gnuplot, git.</summary>
internal sealed record Tools(string? Nginx, string? H2Load, string? Gnuplot, string? Git)
{
    public static Tools Find() => new(OnPath("nginx"), OnPath("h2load"), OnPath("gnuplot"), OnPath("git"));

    /// <summary>The first line a short command prints (standard output, then standard error), or null.</summary>
    public static string? FirstLine(string? program, params string[] arguments)
    {
        var output = Output(program, arguments);
        return output?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault();
    }

    /// <summary>Runs a short command to its end (ten seconds at most) and returns what it printed, or null.</summary>
    public static string? Output(string? program, params string[] arguments)
    {
        if (program is null)
        {
            return null;
        }

        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info);
        if (process is null)
        {
            return null;
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return null;
        }

        return output.Result + error.Result;
    }

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(directory => Path.Combine(directory, name))
        .FirstOrDefault(File.Exists);
}
