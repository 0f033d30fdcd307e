namespace ExchangeGateway.Core.Archives;

/// <summary>The outcome of verifying archives: what they hold, and the first failed check.</summary>
public sealed record ArchiveVerification
{
    /// <summary>Archives read.</summary>
    public long Archives { get; init; }

    /// <summary>Records checked.</summary>
    public long Records { get; init; }

    /// <summary>Records whose signature was checked.</summary>
    public long SignedRecords { get; init; }

    /// <summary>Payloads checked against their digests.</summary>
    public long Payloads { get; init; }

    /// <summary>Time-stamp tokens checked.</summary>
    public long Stamps { get; init; }

    /// <summary>When the earliest record checked was logged.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>When the latest record checked was logged.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>The gateways whose logs these are, each with its member.</summary>
    public IReadOnlyList<string> Gateways { get; init; } = [];

    /// <summary>The members named as client or service owner by the records.</summary>
    public IReadOnlyList<string> Members { get; init; } = [];

    /// <summary>What the auditor should know that is no failure, e.g. a chain that begins at a later archive.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The first failed check; null when every check passed.</summary>
    public ArchiveFailure? Failure { get; init; }

    /// <summary>True when every check passed.</summary>
    public bool IsValid => Failure is null;
}

/// <summary>The first check that failed: in which archive, at which record, and what.</summary>
/// <param name="Archive">The archive's file name.</param>
/// <param name="Sequence">The record, when the failure is one record's.</param>
/// <param name="MessageId">That record's message id.</param>
/// <param name="Check">The check, in words.</param>
public sealed record ArchiveFailure(string Archive, long? Sequence, string? MessageId, string Check)
{
    /// <inheritdoc />
    public override string ToString() => (Sequence, MessageId) switch
    {
        (null, _) => $"archive {Archive}: {Check}",
        (_, null or "") => $"archive {Archive}, record {Sequence}: {Check}",
        _ => $"archive {Archive}, record {Sequence} (message {MessageId}): {Check}",
    };
}

/// <summary>How far a verification has come.</summary>
/// <param name="Checked">Records checked.</param>
/// <param name="Total">Records the manifests announce.</param>
public readonly record struct ArchiveProgress(long Checked, long Total);
