namespace ExchangeGateway.Benchmarks.Processes;

/// <summary>How to start this benchmark program again in a role: through its own app host when it runs as one,
/// otherwise through the <c>dotnet</c> host that runs it now.</summary>
internal static class SelfCommand
{
    public static (string FileName, IReadOnlyList<string> Prefix) Resolve()
    {
        var assembly = typeof(SelfCommand).Assembly.Location;
        var host = Environment.ProcessPath ?? "dotnet";
        var appHost = Path.ChangeExtension(assembly, OperatingSystem.IsWindows() ? ".exe" : null);
        if (string.Equals(Path.GetFullPath(host), Path.GetFullPath(appHost), StringComparison.Ordinal))
        {
            return (host, []);
        }

        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } sdkHost
            && Path.GetFileNameWithoutExtension(host) != "dotnet" ? sdkHost : host;
        return (dotnet, ["exec", assembly]);
    }
}
