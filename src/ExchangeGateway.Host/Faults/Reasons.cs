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

    /// <summary>No gateway of the provider's member could be reached.</summary>
    public const string ProviderUnreachable = "PROVIDER_UNREACHABLE";

    /// <summary>The registry behind the provider gateway could not be reached.</summary>
    public const string RegistryUnreachable = "REGISTRY_UNREACHABLE";

    /// <summary>The message is larger than the gateway accepts.</summary>
    public const string MessageTooLarge = "MESSAGE_TOO_LARGE";
}
