namespace ExchangeGateway.Core.MessageLog;

/// <summary>A record as a search finds it: its fields and place in the chain, without the bulky parts.</summary>
/// <param name="Logged">
/// The record with its sequence and hashes; its payload, envelope, signature and proof are left out (null).
/// </param>
/// <param name="IsSigned">Whether the record holds a signed envelope.</param>
/// <param name="IsStamped">Whether a time-stamp covers the record.</param>
public sealed record RecordSummary(LoggedRecord Logged, bool IsSigned, bool IsStamped);
