namespace ExchangeGateway.Core.Archives;

/// <summary>How a log is cut into archives and how long archived rows stay in the database.</summary>
public sealed record ArchivingPolicy
{
    /// <summary>One archive a period, by the time of its stamps. Default: one day.</summary>
    public TimeSpan Period { get; init; } = TimeSpan.FromDays(1);

    /// <summary>The most records an archive holds, unless one stamp alone covers more. Default: 100,000.</summary>
    public int MaxRecords { get; init; } = 100_000;

    /// <summary>How long archived records stay in the database before they may be purged. Default: 30 days.</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(30);
}
