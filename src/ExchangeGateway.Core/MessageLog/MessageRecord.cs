using ExchangeGateway.Core.Envelopes;

namespace ExchangeGateway.Core.MessageLog;

/// <summary>One message as the log keeps it, before it is given its place in the chain.</summary>
public sealed record MessageRecord
{
    /// <summary>The message id.</summary>
    public required string MessageId { get; init; }

    /// <summary>The gateway role that wrote it.</summary>
    public required LogSide Side { get; init; }

    /// <summary>Request or response.</summary>
    public required EnvelopeKind Direction { get; init; }

    /// <summary>
    /// The client subsystem as named by the caller (may be unparseable text when the call was refused for it).
    /// </summary>
    public required string Client { get; init; }

    /// <summary>The service as named by the caller.</summary>
    public required string Service { get; init; }

    /// <summary>The gRPC method name.</summary>
    public required string Method { get; init; }

    /// <summary>The end user; empty when not given.</summary>
    public string UserId { get; init; } = "";

    /// <summary>The case or purpose; empty when not given.</summary>
    public string Issue { get; init; } = "";

    /// <summary>
    /// HMAC-SHA-256, under this gateway's subject key, of the person the call is about (<c>xroad-subject</c>);
    /// null when the call named none. The identifier itself is never stored.
    /// </summary>
    public byte[]? SubjectHash { get; init; }

    /// <summary>SHA-256 of the payload bytes.</summary>
    public required byte[] PayloadDigest { get; init; }

    /// <summary>The payload, only when body logging is on for the subsystem.</summary>
    public byte[]? Payload { get; init; }

    /// <summary>The signed envelope bytes (DER), when the message was signed.</summary>
    public byte[]? Envelope { get; init; }

    /// <summary>The CMS signature over <see cref="Envelope"/>, when the message was signed.</summary>
    public byte[]? Signature { get; init; }

    /// <summary>The inclusion proof from the envelope's hash to the signed batch root; null when the signature is
    /// over the envelope itself.</summary>
    public byte[]? Proof { get; init; }

    /// <summary>When the gateway wrote the record, at microsecond precision.</summary>
    public required DateTimeOffset LoggedAt { get; init; }

    /// <summary>
    /// The outcome: <c>OK</c>, or a gRPC status name and reason such as <c>PERMISSION_DENIED ACCESS_DENIED</c>.
    /// </summary>
    public required string Outcome { get; init; }
}
