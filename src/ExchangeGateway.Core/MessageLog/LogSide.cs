namespace ExchangeGateway.Core.MessageLog;

/// <summary>Which gateway of an exchange wrote a record.</summary>
public enum LogSide
{
    /// <summary>The client's gateway.</summary>
    Consumer = 0,

    /// <summary>The service's gateway.</summary>
    Provider = 1,
}
