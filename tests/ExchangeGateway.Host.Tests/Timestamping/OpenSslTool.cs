using System.Diagnostics;

namespace ExchangeGateway.Host.Tests.Timestamping;

/// <summary>The <c>openssl</c> command, when it is on PATH: an independent implementation of RFC 3161.</summary>
internal static class OpenSslTool
{
    public static string? Executable { get; } = Find();

    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("openssl is not on PATH"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(Support.Errors.Timeout);
        }
        catch (TimeoutException)
        {
            process.Kill();
            throw;
        }

        return (process.ExitCode,
            await output.WaitAsync(Support.Errors.Timeout) + await error.WaitAsync(Support.Errors.Timeout));
    }

    private static string? Find()
    {
        var name = OperatingSystem.IsWindows() ? "openssl.exe" : "openssl";
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return folders.Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);
    }
}
