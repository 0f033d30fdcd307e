using ExchangeGateway.Core.Archives;

namespace ExchangeGateway.Host.Configuration;

/// <summary>How a gateway archives its time-stamped message log and purges archived rows.</summary>
public sealed record ArchivingOptions
{
    /// <summary>The folder of the archive files; empty means <c>archives</c> beside the message log.</summary>
    public string Directory { get; init; } = "";

    /// <summary>How often the schedule runs (archive closed periods, then purge); zero turns it off.
    /// Default: one hour.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Periods, sizes and retention.</summary>
    public ArchivingPolicy Policy { get; init; } = new();

    /// <summary>The folder to use for a log at <paramref name="messageLogPath"/>.</summary>
    public string DirectoryFor(string messageLogPath) => Directory.Length > 0
        ? Directory
        : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(messageLogPath)) ?? ".", "archives");
}
