namespace ExchangeGateway.Core.MessageLog;

/// <summary>The message log could not make a record durable; the call that produced it must not be answered.</summary>
public sealed class MessageLogException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MessageLogException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public MessageLogException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public MessageLogException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
