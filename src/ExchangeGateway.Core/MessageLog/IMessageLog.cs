namespace ExchangeGateway.Core.MessageLog;

/// <summary>The append-only, hash-chained evidence log of one gateway.</summary>
public interface IMessageLog
{
    /// <summary>
    /// Appends <paramref name="record"/> and completes once it is durable (committed and synced).
    /// Throws <see cref="MessageLogException"/> when the log cannot be written: the caller must then fail closed.
    /// </summary>
    /// <remarks>There is no cancellation: once handed over, evidence is written whether or not the caller
    /// waits.</remarks>
    Task<LoggedRecord> AppendAsync(MessageRecord record);

    /// <summary>Reads the records in chain order, from <paramref name="fromSequence"/>.</summary>
    IEnumerable<LoggedRecord> Read(long fromSequence = 1);

    /// <summary>The records not yet time-stamped, oldest first, at most <paramref name="max"/>: only their places,
    /// hashes and times, since a stamp covers record hashes and a stamping round reads ten thousand of them.
    /// </summary>
    IReadOnlyList<UnstampedRecord> ReadUnstamped(int max);

    /// <summary>When the oldest record not yet time-stamped was logged; null when every record is stamped.</summary>
    DateTimeOffset? OldestUnstamped();

    /// <summary>Saves a stamp over the next run of records with its Merkle tree's nodes
    /// (<see cref="Merkle.MerkleTree.Nodes"/> over the records' hashes), from which each record's proof is read. A
    /// stamp that does not follow the last one, or a tree that does not fit it, is refused.</summary>
    void SaveStamp(LogStamp stamp, byte[] nodes);

    /// <summary>The number the next stamp gets.</summary>
    long NextStampId();

    /// <summary>A record's stamp and proof, or null while it is not stamped.</summary>
    RecordStamp? StampOf(long sequence);
}
