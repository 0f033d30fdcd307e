namespace ExchangeGateway.Core.Timestamping;

/// <summary>No time-stamping authority produced a valid token.</summary>
public sealed class TimestampingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TimestampingException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TimestampingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public TimestampingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
