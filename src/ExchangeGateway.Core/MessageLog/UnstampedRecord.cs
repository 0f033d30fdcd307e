namespace ExchangeGateway.Core.MessageLog;

/// <summary>What a time-stamp needs of a record not yet stamped: its place, its hash and when it was logged.</summary>
/// <param name="Sequence">Its position in the chain, from 1.</param>
/// <param name="Hash">Its record hash: the leaf the stamp's Merkle tree is built over.</param>
/// <param name="LoggedAt">When it was logged.</param>
public sealed record UnstampedRecord(long Sequence, byte[] Hash, DateTimeOffset LoggedAt);
