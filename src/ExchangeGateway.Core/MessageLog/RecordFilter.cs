namespace ExchangeGateway.Core.MessageLog;

/// <summary>
/// Which records a search returns: every filter that is set must match (null means any), in chain order after
/// <see cref="AfterSequence"/>, at most <see cref="Limit"/> of them.
/// </summary>
public sealed record RecordFilter
{
    /// <summary>Records logged at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Records logged before this time: the range is half-open, [<see cref="From"/>, To).</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>The client subsystem, exactly as logged.</summary>
    public string? Client { get; init; }

    /// <summary>The service, exactly as logged.</summary>
    public string? Service { get; init; }

    /// <summary>The gRPC method name.</summary>
    public string? Method { get; init; }

    /// <summary>The message id.</summary>
    public string? MessageId { get; init; }

    /// <summary>The end user.</summary>
    public string? UserId { get; init; }

    /// <summary>The case or purpose.</summary>
    public string? Issue { get; init; }

    /// <summary>The keyed hash of the person the calls were about (see <c>SubjectKey.Hash</c>).</summary>
    public byte[]? SubjectHash { get; init; }

    /// <summary>Only records with a greater sequence: where the previous page ended. Default: 0 (from the start).
    /// </summary>
    public long AfterSequence { get; init; }

    /// <summary>The most records returned. Default: 100.</summary>
    public int Limit { get; init; } = 100;
}
