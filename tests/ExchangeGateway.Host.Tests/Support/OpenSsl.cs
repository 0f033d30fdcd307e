using System.Diagnostics;

namespace ExchangeGateway.Host.Tests.Support;

/// <summary>Runs the openssl command line, the independent implementation our evidence must satisfy.</summary>
public static class OpenSsl
{
    public static bool IsAvailable { get; } = Environment.GetEnvironmentVariable("PATH")?.Split(':')
        .Any(p => File.Exists(Path.Combine(p, "openssl"))) == true;

    public static (int Code, string Output) Run(string folder, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("openssl", arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(30_000))
        {
            process.Kill();
        }

        return (process.ExitCode, output + error.Result);
    }
}
