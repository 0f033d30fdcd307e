namespace ExchangeGateway.Core.MessageLog;

/// <summary>A record with its time-stamp, as evidence of one message needs it.</summary>
/// <param name="Logged">The record with its envelope, signature and proof; its payload is left out (null).</param>
/// <param name="Stamp">Its time-stamp and proof; null while it is not stamped.</param>
public sealed record StampedRecord(LoggedRecord Logged, RecordStamp? Stamp);
