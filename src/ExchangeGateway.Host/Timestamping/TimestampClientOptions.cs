namespace ExchangeGateway.Host.Timestamping;

/// <summary>
/// How <see cref="TimestampClient"/> treats each time-stamping authority: a timeout per try, retries with
/// exponential backoff for transport failures, and a circuit breaker that stops trying an authority that keeps
/// failing. Every authority has its own breaker.
/// </summary>
public sealed record TimestampClientOptions
{
    /// <summary>The longest one HTTP request may take. Default: 10 seconds.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Retries of one authority after a transport failure (no connection, timeout, HTTP 5xx), before falling back
    /// to the next; 0 for none. Refused tokens are never retried. Default: 2.
    /// </summary>
    public int MaxRetryAttempts { get; init; } = 2;

    /// <summary>The wait before the first retry, doubled for each one after it. Default: 1 second.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The share of failed tries in <see cref="BreakerSamplingDuration"/> that opens an authority's
    /// circuit. Default: 0.5.</summary>
    public double BreakerFailureRatio { get; init; } = 0.5;

    /// <summary>The fewest tries in <see cref="BreakerSamplingDuration"/> before the circuit may open (at least 2).
    /// Default: 4.</summary>
    public int BreakerMinimumThroughput { get; init; } = 4;

    /// <summary>The window over which failures are counted. Default: 60 seconds.</summary>
    public TimeSpan BreakerSamplingDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an open circuit skips its authority before one trial request. Default: 30 seconds.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest reply accepted. Default: 1 MiB.</summary>
    public int MaxReplyBytes { get; init; } = 1024 * 1024;
}
