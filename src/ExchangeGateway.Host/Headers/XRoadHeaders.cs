namespace ExchangeGateway.Host.Headers;

/// <summary>
/// The metadata keys by which an agency system names itself and its target, and replies name the message.
/// </summary>
public static class XRoadHeaders
{
    /// <summary>The client subsystem, <c>INSTANCE/CLASS/CODE/SUBSYSTEM</c>.</summary>
    public const string Client = "xroad-client";

    /// <summary>The service, <c>INSTANCE/CLASS/CODE/SUBSYSTEM:package.Service</c>.</summary>
    public const string Service = "xroad-service";

    /// <summary>The message id; the gateway makes one when absent.</summary>
    public const string MessageId = "xroad-message-id";

    /// <summary>The end user on whose behalf the client acts.</summary>
    public const string UserId = "xroad-user-id";

    /// <summary>The case or purpose of the query.</summary>
    public const string Issue = "xroad-issue";

    /// <summary>The person the call is about; logged only as a keyed hash.</summary>
    public const string Subject = "xroad-subject";

    /// <summary>In replies: the hex SHA-256 of the request envelope.</summary>
    public const string RequestHash = "xroad-request-hash";
}
