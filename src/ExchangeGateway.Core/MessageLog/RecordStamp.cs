namespace ExchangeGateway.Core.MessageLog;

/// <summary>A record's time-stamp: the stamp over its run and the proof from its hash to the stamp's root.</summary>
/// <param name="Stamp">The stamp.</param>
/// <param name="Proof">DER inclusion proof from the record hash to <see cref="LogStamp.Root"/>.</param>
public sealed record RecordStamp(LogStamp Stamp, byte[] Proof);
