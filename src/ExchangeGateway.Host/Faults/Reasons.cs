namespace ExchangeGateway.Host.Faults;

/// <summary>
/// The stable reasons a gateway gives in <c>google.rpc.ErrorInfo</c>. Agency systems may branch on them; they
/// never change meaning.
/// </summary>
public static class Reasons
{
    /// <summary>An identifier in the request metadata is missing or malformed.</summary>
    public const string BadIdentifier = "BAD_IDENTIFIER";

    /// <summary>The request is not a well-formed unary gRPC call.</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>The service's member, subsystem or gateway is not in the federation, or not published.</summary>
    public const string UnknownService = "UNKNOWN_SERVICE";

    /// <summary>The client subsystem is not one of this gateway's member's subsystems.</summary>
    public const string UnknownClient = "UNKNOWN_CLIENT";

    /// <summary>The agency system's certificate is not registered to the client subsystem it claims.</summary>
    public const string ClientNotAuthenticated = "CLIENT_NOT_AUTHENTICATED";

    /// <summary>No grant lets the client call the method.</summary>
    public const string AccessDenied = "ACCESS_DENIED";

    /// <summary>The peer gateway's certificate is not registered to any gateway of the federation.</summary>
    public const string PeerNotTrusted = "PEER_NOT_TRUSTED";

    /// <summary>The peer gateway belongs to another member than the client subsystem it sends for.</summary>
    public const string PeerNotClientMember = "PEER_NOT_CLIENT_MEMBER";

    /// <summary>A signature, its signer or the envelope it covers failed verification.</summary>
    public const string SignatureInvalid = "SIGNATURE_INVALID";

    /// <summary>The client already used this message id.</summary>
    public const string DuplicateMessage = "DUPLICATE_MESSAGE";

    /// <summary>The envelope's time is further from ours than the accepted clock skew.</summary>
    public const string ClockSkew = "CLOCK_SKEW";

    /// <summary>The federation configuration has expired, or none was ever loaded.</summary>
    public const string ConfigurationExpired = "CONFIGURATION_EXPIRED";

    /// <summary>No time-stamping authority has answered for longer than allowed; the gateway stopped serving.</summary>
    public const string TimestampingFailed = "TIMESTAMPING_FAILED";

    /// <summary>The message log could not make the record durable.</summary>
    public const string LogUnavailable = "LOG_UNAVAILABLE";

    /// <summary>No gateway of the provider's member could be reached, or the connection to the one reached failed
    /// before its answer was confirmed.</summary>
    public const string ProviderUnreachable = "PROVIDER_UNREACHABLE";

    /// <summary>The registry behind the provider gateway could not be reached, failed before it answered, or did not
    /// answer in gRPC.</summary>
    public const string RegistryUnreachable = "REGISTRY_UNREACHABLE";

    /// <summary>The message (the request, the registry's answer, or the provider gateway's) is larger than the
    /// gateway accepts.</summary>
    public const string MessageTooLarge = "MESSAGE_TOO_LARGE";

    /// <summary>An audit API call without a valid API key (missing, malformed or unknown).</summary>
    public const string ApiKeyInvalid = "API_KEY_INVALID";

    /// <summary>The audit API key's role does not allow the method called.</summary>
    public const string RoleDenied = "ROLE_DENIED";

    /// <summary>The message log holds no record of the message id asked for.</summary>
    public const string MessageNotFound = "MESSAGE_NOT_FOUND";

    /// <summary>An archive name that is not a plain <c>*.zip</c> file name (a path, <c>..</c>, another type).
    /// </summary>
    public const string BadArchiveName = "BAD_ARCHIVE_NAME";

    /// <summary>No archive file of that name is in the gateway's archive folder.</summary>
    public const string ArchiveNotFound = "ARCHIVE_NOT_FOUND";

    /// <summary>The archive folder or file could not be read.</summary>
    public const string ArchiveUnavailable = "ARCHIVE_UNAVAILABLE";

    /// <summary>An audit call failed inside the gateway (not through the caller's fault); the gateway's log says
    /// why.</summary>
    public const string AuditFailed = "AUDIT_FAILED";
}
