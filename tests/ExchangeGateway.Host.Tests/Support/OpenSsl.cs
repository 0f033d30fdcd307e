using System.Diagnostics;

namespace ExchangeGateway.Host.Tests.Support;

/// <summary>Runs the openssl command line, the independent implementation our evidence must satisfy.</summary>
public static class OpenSsl
{
    public static bool IsAvailable { get; } = Environment.GetEnvironmentVariable("PATH")?.Split(':')
        .Any(p => File.Exists(Path.Combine(p, "openssl"))) == true;

    public static (int Code, string Output) Run(string folder, string arguments) =>
        Run(new ProcessStartInfo("openssl", arguments), folder);

    /// <summary>Runs <paramref name="command"/> as a reader would paste it: in bash, in <paramref name="folder"/>.
    /// </summary>
    public static (int Code, string Output) Shell(string folder, string command) =>
        Run(new ProcessStartInfo("bash") { ArgumentList = { "-c", command } }, folder);

    private static (int Code, string Output) Run(ProcessStartInfo start, string folder)
    {
        start.WorkingDirectory = folder;
        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(30_000))
        {
            process.Kill();
        }

        return (process.ExitCode, output + error.Result);
    }
}
