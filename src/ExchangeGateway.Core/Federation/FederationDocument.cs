namespace ExchangeGateway.Core.Federation;

/// <summary>
/// The federation configuration as the governing authority writes it (JSON, camelCase). Signed as a whole by the
/// authority; read through <see cref="FederationConfigurationReader"/>, never trusted as it stands.
/// </summary>
public sealed record FederationDocument
{
    /// <summary>The federation instance, e.g. <c>MD</c>.</summary>
    public string Instance { get; init; } = "";

    /// <summary>A number the authority raises with every new version.</summary>
    public long Serial { get; init; }

    /// <summary>When the authority issued this version.</summary>
    public DateTimeOffset IssuedAt { get; init; }

    /// <summary>After this time no gateway may carry traffic on this version.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The CAs whose certificates the federation trusts, as PEM.</summary>
    public IReadOnlyList<string> CertificateAuthorities { get; init; } = [];

    /// <summary>The members, their subsystems and signing certificates.</summary>
    public IReadOnlyList<MemberEntry> Members { get; init; } = [];

    /// <summary>The gateways, their owners, addresses and TLS certificates.</summary>
    public IReadOnlyList<GatewayEntry> Gateways { get; init; } = [];

    /// <summary>SHA-256 fingerprints of certificates revoked before their expiry.</summary>
    public IReadOnlyList<string> RevokedCertificates { get; init; } = [];

    /// <summary>The RFC 3161 time-stamping authorities, in the order gateways try them. Default: none.</summary>
    public IReadOnlyList<TimestampingAuthorityEntry> TimestampingAuthorities { get; init; } = [];
}

/// <summary>A member as listed in the federation configuration.</summary>
public sealed record MemberEntry
{
    /// <summary>The member identifier, <c>INSTANCE/CLASS/CODE</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary>The member's legal name.</summary>
    public string Name { get; init; } = "";

    /// <summary>The codes of the member's subsystems.</summary>
    public IReadOnlyList<string> Subsystems { get; init; } = [];

    /// <summary>SHA-256 fingerprints of the member's signing certificates.</summary>
    public IReadOnlyList<string> SigningCertificates { get; init; } = [];
}

/// <summary>A gateway as listed in the federation configuration.</summary>
public sealed record GatewayEntry
{
    /// <summary>The gateway's name, unique in the federation.</summary>
    public string Name { get; init; } = "";

    /// <summary>The member that runs the gateway.</summary>
    public string Owner { get; init; } = "";

    /// <summary>The exchange endpoint, e.g. <c>https://127.0.0.1:5201</c>.</summary>
    public string Address { get; init; } = "";

    /// <summary>SHA-256 fingerprints of the gateway's TLS certificates.</summary>
    public IReadOnlyList<string> TlsCertificates { get; init; } = [];
}

/// <summary>An RFC 3161 time-stamping authority (TSA) as listed in the federation configuration.</summary>
public sealed record TimestampingAuthorityEntry
{
    /// <summary>The authority's name, unique in the federation.</summary>
    public string Name { get; init; } = "";

    /// <summary>The RFC 3161 HTTP endpoint, e.g. <c>http://127.0.0.1:7180/</c> (http or https).</summary>
    public string Url { get; init; } = "";

    /// <summary>SHA-256 fingerprints of the certificates the authority signs its tokens with.</summary>
    public IReadOnlyList<string> Certificates { get; init; } = [];
}
