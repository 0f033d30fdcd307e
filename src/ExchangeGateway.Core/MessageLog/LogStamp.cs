namespace ExchangeGateway.Core.MessageLog;

/// <summary>
/// One time-stamp over a run of records: the RFC 3161 token's imprint is the Merkle root (RFC 9162 tree hash) over
/// the record hashes from <paramref name="FirstSequence"/> to <paramref name="LastSequence"/>.
/// </summary>
/// <param name="Id">The stamp's number, from 1.</param>
/// <param name="FirstSequence">The first record covered.</param>
/// <param name="LastSequence">The last record covered.</param>
/// <param name="Root">The Merkle root: the token's message imprint.</param>
/// <param name="Token">The RFC 3161 token (DER ContentInfo).</param>
/// <param name="Authority">The time-stamping authority's name.</param>
/// <param name="Time">The time the token asserts.</param>
public sealed record LogStamp(
    long Id, long FirstSequence, long LastSequence, byte[] Root, byte[] Token, string Authority, DateTimeOffset Time);
