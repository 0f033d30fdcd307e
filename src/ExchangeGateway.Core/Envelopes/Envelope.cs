namespace ExchangeGateway.Core.Envelopes;

/// <summary>
/// The signed header of one message: who asked what, when, and digests of the exact payload and metadata bytes.
/// The business payload itself is never inside; only its SHA-256 is.
/// </summary>
/// <remarks>
/// The canonical encoding is DER (see <see cref="EnvelopeCodec"/>), so two parties that agree on the fields agree on
/// the bytes, and the hash of those bytes names the message.
/// </remarks>
public sealed record Envelope
{
    /// <summary>Request or response.</summary>
    public required EnvelopeKind Kind { get; init; }

    /// <summary>The message id, unique per client.</summary>
    public required string MessageId { get; init; }

    /// <summary>The client subsystem, e.g. <c>MD/GOV/1012601000025/border-control</c>.</summary>
    public required string Client { get; init; }

    /// <summary>
    /// The service, e.g. <c>MD/GOV/1006601000037/foreigners-registry:migration.v1.ResidencePermits</c>.
    /// </summary>
    public required string Service { get; init; }

    /// <summary>The gRPC method name within the service, e.g. <c>GetPermit</c>.</summary>
    public required string Method { get; init; }

    /// <summary>The end user on whose behalf the client acts; empty when not given.</summary>
    public string UserId { get; init; } = "";

    /// <summary>The case or purpose of the query; empty when not given.</summary>
    public string Issue { get; init; } = "";

    /// <summary>When the sender made the envelope, at microsecond precision.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>SHA-256 of the exact payload bytes.</summary>
    public required ReadOnlyMemory<byte> PayloadDigest { get; init; }

    /// <summary>SHA-256 of the canonical metadata list (<see cref="MetadataDigest"/>).</summary>
    public required ReadOnlyMemory<byte> MetadataDigest { get; init; }

    /// <summary>For a response, the hash of the request envelope it answers; empty for a request.</summary>
    public ReadOnlyMemory<byte> RequestHash { get; init; } = ReadOnlyMemory<byte>.Empty;

    /// <summary>For a response, the gRPC status code the registry returned; 0 for a request.</summary>
    public int StatusCode { get; init; }

    /// <summary>For a response, the status detail text; empty for a request.</summary>
    public string StatusDetail { get; init; } = "";

    /// <summary>Truncates a time to the microsecond precision that envelopes and logs keep.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % 10), TimeSpan.Zero);
}
