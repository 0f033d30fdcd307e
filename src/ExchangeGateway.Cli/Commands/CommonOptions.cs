using System.CommandLine;

namespace ExchangeGateway.Cli.Commands;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    public static Option<DirectoryInfo> StateDirectory() => new("--dir")
    {
        Description = "Folder for the development PKI, configuration, message logs and diagnostic logs",
        DefaultValueFactory = _ => new DirectoryInfo(".exgw"),
    };
}
