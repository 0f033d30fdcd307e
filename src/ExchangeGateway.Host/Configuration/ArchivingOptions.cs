namespace ExchangeGateway.Host.Configuration;

/// <summary>Where the message log's archive files are kept.</summary>
public sealed record ArchivingOptions
{
    /// <summary>
    /// The folder of the archive files (<c>*.zip</c>). The settings reader sets it to <c>archives</c> beside the
    /// message log; empty means the gateway has no archive folder.
    /// </summary>
    public string Directory { get; init; } = "";
}
