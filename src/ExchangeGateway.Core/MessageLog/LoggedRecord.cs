namespace ExchangeGateway.Core.MessageLog;

/// <summary>A record in its place in the chain.</summary>
/// <param name="Sequence">Its position, from 1.</param>
/// <param name="Record">The record.</param>
/// <param name="PreviousHash">The hash of the record before it (32 zero bytes for the first).</param>
/// <param name="Hash">Its own hash, over its fields and <paramref name="PreviousHash"/>.</param>
public sealed record LoggedRecord(long Sequence, MessageRecord Record, byte[] PreviousHash, byte[] Hash);
