namespace ExchangeGateway.Benchmarks.Load;

/// <summary>One measured point for the .NET load generator, sent to it as a JSON line.</summary>
internal sealed record LoadCommand
{
    /// <summary>The address called, e.g. <c>https://127.0.0.1:5001</c>.</summary>
    public required string Target { get; init; }

    /// <summary>
    /// <c>none</c> (plain HTTP/2), <c>server</c> (TLS) or <c>mutual</c> (TLS with the client certificate).
    /// </summary>
    public required string Tls { get; init; }

    public required int Concurrency { get; init; }

    public required int PayloadBytes { get; init; }

    public required double WarmupSeconds { get; init; }

    public required double DurationSeconds { get; init; }

    /// <summary>Processes whose CPU time is read at the start and the end of the measured window, by name.</summary>
    public required Dictionary<string, int[]> Watch { get; init; }
}
