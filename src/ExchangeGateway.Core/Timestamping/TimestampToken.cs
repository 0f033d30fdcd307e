namespace ExchangeGateway.Core.Timestamping;

/// <summary>A checked RFC 3161 time-stamp token.</summary>
/// <param name="Token">The token: DER CMS ContentInfo (SignedData over TSTInfo), as <c>openssl ts -verify</c> reads
/// it.</param>
/// <param name="Time">The time the authority asserts (TSTInfo genTime).</param>
/// <param name="Authority">The name of the authority that issued it, as listed in the federation configuration.</param>
public sealed record TimestampToken(byte[] Token, DateTimeOffset Time, string Authority);
