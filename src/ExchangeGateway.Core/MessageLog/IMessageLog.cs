namespace ExchangeGateway.Core.MessageLog;

/// <summary>The append-only, hash-chained evidence log of one gateway.</summary>
public interface IMessageLog
{
    /// <summary>
    /// Appends <paramref name="record"/> and completes once it is durable (committed and synced).
    /// Throws <see cref="MessageLogException"/> when the log cannot be written: the caller must then fail closed.
    /// </summary>
    /// <remarks>There is no cancellation: once handed over, evidence is written whether or not the caller waits.</remarks>
    Task<LoggedRecord> AppendAsync(MessageRecord record);

    /// <summary>Reads the records in chain order, from <paramref name="fromSequence"/>.</summary>
    IEnumerable<LoggedRecord> Read(long fromSequence = 1);
}
