namespace ExchangeGateway.Benchmarks.Load;

/// <summary>What one load generator measured over one window.</summary>
internal sealed record LoadResult
{
    /// <summary>Calls that completed, successfully and with the whole payload, inside the window.</summary>
    public required long Requests { get; init; }

    /// <summary>Calls that failed, or came back without the payload, inside the window.</summary>
    public required long Failures { get; init; }

    /// <summary>The first failure seen, warm-up included, for the report.</summary>
    public string? FirstFailure { get; init; }

    public required double Seconds { get; init; }

    public required double P50Milliseconds { get; init; }

    public required double P99Milliseconds { get; init; }

    /// <summary>CPU seconds used inside the window, by process name (the generator itself included).</summary>
    public required Dictionary<string, double> CpuSeconds { get; init; }

    /// <summary>CPU time and context switches inside the window, by process name and thread group
    /// (<see cref="Processes.ThreadStat"/>).</summary>
    public required Dictionary<string, Dictionary<string, Processes.ThreadUse>> Threads { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset EndedAt { get; init; }
}
