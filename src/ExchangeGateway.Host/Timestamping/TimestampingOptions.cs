namespace ExchangeGateway.Host.Timestamping;

/// <summary>How a gateway time-stamps its message log.</summary>
public sealed record TimestampingOptions
{
    /// <summary>How often unstamped records are stamped. Default: 60 seconds.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The most records one token covers. Default: 10,000.</summary>
    public int MaxBatch { get; init; } = 10_000;

    /// <summary>
    /// How long a record may stay unstamped before the gateway refuses new calls. Default: 4 hours, as X-Road.
    /// A warning is logged from half of it on.
    /// </summary>
    public TimeSpan MaxUnstampedAge { get; init; } = TimeSpan.FromHours(4);
}
