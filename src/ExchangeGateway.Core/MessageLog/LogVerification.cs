namespace ExchangeGateway.Core.MessageLog;

/// <summary>The outcome of verifying a message log: how many records were checked and the first failure.</summary>
/// <param name="Records">Records read.</param>
/// <param name="SignedRecords">Records whose signature was checked.</param>
/// <param name="Failure">The first failed check, or null when the whole log verified.</param>
public sealed record LogVerification(long Records, long SignedRecords, LogFailure? Failure)
{
    /// <summary>True when every check passed.</summary>
    public bool IsValid => Failure is null;
}

/// <summary>The first record that failed verification and the check it failed.</summary>
/// <param name="Sequence">The record's position in the chain.</param>
/// <param name="MessageId">Its message id.</param>
/// <param name="Check">The check, in words, e.g. "record hash does not match its fields".</param>
public sealed record LogFailure(long Sequence, string MessageId, string Check)
{
    /// <inheritdoc />
    public override string ToString() => $"record {Sequence} (message {MessageId}): {Check}";
}
