using Microsoft.Data.Sqlite;

namespace ExchangeGateway.Core.MessageLog;

/// <summary>
/// Searches a message log file without opening it for writing: what the audit API does while the gateway runs.
/// Payload bodies are never read.
/// </summary>
/// <remarks>
/// Known limitation: only the message id and the subject hash are indexed, so the other filters scan the records
/// after the page's start. The schema belongs to <see cref="SqliteMessageLog"/>; this class adds no index.
/// </remarks>
public static class MessageLogSearch
{
    /// <summary>The records that match <paramref name="filter"/>, in chain order.</summary>
    /// <exception cref="MessageLogException">The file cannot be read as a message log.</exception>
    public static IReadOnlyList<RecordSummary> Search(string path, RecordFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(filter.Limit);
        return Query(path, connection => SqliteSearch.Search(connection, filter));
    }

    /// <summary>Every record of <paramref name="messageId"/> with its time-stamp, in chain order.</summary>
    /// <exception cref="MessageLogException">The file cannot be read as a message log.</exception>
    public static IReadOnlyList<StampedRecord> Message(string path, string messageId)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        return Query(path, connection => SqliteSearch.Message(connection, messageId));
    }

    private static T Query<T>(string path, Func<SqliteConnection, T> query)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            return SqliteMessageLog.ReadFileWith(path, query, busySeconds: 5);
        }
        catch (SqliteException ex)
        {
            throw new MessageLogException($"the message log could not be searched: {ex.Message}", ex);
        }
    }
}
