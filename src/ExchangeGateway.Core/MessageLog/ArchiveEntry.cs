namespace ExchangeGateway.Core.MessageLog;

/// <summary>An archive file made of this log, as the log remembers it.</summary>
/// <param name="Id">The archive's number in this log, from 1.</param>
/// <param name="Name">The file name, without folder.</param>
/// <param name="FirstSequence">The first record it holds.</param>
/// <param name="LastSequence">The last record it holds.</param>
/// <param name="LastHash">The hash of its last record: what the next record's previous-hash must be.</param>
/// <param name="LastLoggedAt">When its last record was logged.</param>
/// <param name="Sha256">The SHA-256 of the whole file: what the next archive links to.</param>
/// <param name="CreatedAt">When it was written.</param>
/// <param name="PurgedAt">When its records left the database; null while they are still there.</param>
public sealed record ArchiveEntry(
    long Id,
    string Name,
    long FirstSequence,
    long LastSequence,
    byte[] LastHash,
    DateTimeOffset LastLoggedAt,
    byte[] Sha256,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PurgedAt);
