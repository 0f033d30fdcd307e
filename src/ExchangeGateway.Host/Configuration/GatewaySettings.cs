using System.Text.Json.Serialization;

namespace ExchangeGateway.Host.Configuration;

/// <summary>
/// A gateway's own configuration file (JSON, camelCase), as an administrator writes it. Paths are relative to the
/// file. Read through <see cref="GatewaySettingsReader"/>, which validates everything at once.
/// </summary>
public sealed record GatewaySettings
{
    /// <summary>The gateway's name as registered in the federation configuration.</summary>
    public string Name { get; init; } = "";

    /// <summary>The member that runs this gateway, <c>INSTANCE/CLASS/CODE</c>.</summary>
    public string Member { get; init; } = "";

    /// <summary>Where the agency's own systems connect.</summary>
    public ClientEndpointSettings ClientEndpoint { get; init; } = new();

    /// <summary>Where other gateways connect (mutual TLS, always).</summary>
    public string ExchangeEndpoint { get; init; } = "127.0.0.1:0";

    /// <summary>The gateway's TLS certificate and key (PEM), used on both endpoints and towards peers.</summary>
    public CertificateSettings TlsCertificate { get; init; } = new();

    /// <summary>The member's signing certificate and key (PEM).</summary>
    public CertificateSettings SigningCertificate { get; init; } = new();

    /// <summary>The signed federation configuration and its pinned anchor.</summary>
    public FederationSettings Federation { get; init; } = new();

    /// <summary>
    /// The secret under which data subjects are hashed (32 random bytes). Made, owner-only, when missing.
    /// Default: <c>subject.key</c>.
    /// </summary>
    public string SubjectKey { get; init; } = "subject.key";

    /// <summary>The message log database file. Default: <c>messagelog.db</c>.</summary>
    public string MessageLog { get; init; } = "messagelog.db";

    /// <summary>The largest message accepted, in bytes. Default: 16 MiB.</summary>
    public int MaxMessageBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>How far a peer's envelope time may differ from ours, in seconds. Default: 300.</summary>
    public int ClockSkewSeconds { get; init; } = 300;

    /// <summary>
    /// Whether every completed call also writes a line to the diagnostic log (console and <c>exgw.log.json</c>).
    /// Default: false. The message log records every call with its outcome, and refusals are logged either way.
    /// Read again while the gateway runs, as the services are.
    /// </summary>
    public bool LogCalls { get; init; }

    /// <summary>How the message log is time-stamped.</summary>
    public TimestampingSettings Timestamping { get; init; } = new();

    /// <summary>How the time-stamped log is archived and purged.</summary>
    public ArchivingSettings Archiving { get; init; } = new();

    /// <summary>This member's subsystems that use or publish services through this gateway.</summary>
    public IReadOnlyList<SubsystemSettings> Subsystems { get; init; } = [];

    /// <summary>The services this gateway publishes, with their registries and grants.</summary>
    public IReadOnlyList<ServiceSettings> Services { get; init; } = [];

    /// <summary>The audit endpoint and its API keys. Default: none, and no audit endpoint.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AuditSettings? Audit { get; init; }
}

/// <summary>Time-stamping of the message log through the federation's time-stamping authorities.</summary>
public sealed record TimestampingSettings
{
    /// <summary>Seconds between stamping rounds. Default: 60.</summary>
    public int IntervalSeconds { get; init; } = 60;

    /// <summary>The most records one token covers. Default: 10,000.</summary>
    public int MaxBatch { get; init; } = 10_000;

    /// <summary>Minutes a record may stay unstamped before new calls are refused. Default: 240 (4 hours).</summary>
    public int MaxUnstampedMinutes { get; init; } = 240;
}

/// <summary>Archiving of the time-stamped message log into signed, chained archive files.</summary>
public sealed record ArchivingSettings
{
    /// <summary>The folder of the archive files, relative to the settings file. Default: <c>archives</c>.</summary>
    public string Directory { get; init; } = "archives";

    /// <summary>Minutes between archiving runs; 0 turns scheduled archiving off. Default: 60.</summary>
    public int IntervalMinutes { get; init; } = 60;

    /// <summary>Hours of records an archive holds, by the time of their stamps. Default: 24.</summary>
    public int PeriodHours { get; init; } = 24;

    /// <summary>The most records one archive holds. Default: 100,000.</summary>
    public int MaxRecords { get; init; } = 100_000;

    /// <summary>Days archived records stay in the database before they are purged. Default: 30.</summary>
    public int RetentionDays { get; init; } = 30;
}

/// <summary>The client endpoint.</summary>
public sealed record ClientEndpointSettings
{
    /// <summary>Address and port, e.g. <c>127.0.0.1:5101</c>. Default: a free loopback port.</summary>
    public string Address { get; init; } = "127.0.0.1:0";

    /// <summary>Mutual TLS (default) or, only on a loopback address, plain HTTP/2.</summary>
    public bool Tls { get; init; } = true;
}

/// <summary>A certificate and its private key, as PEM files.</summary>
public sealed record CertificateSettings
{
    /// <summary>The certificate file.</summary>
    public string Certificate { get; init; } = "";

    /// <summary>The private key file.</summary>
    public string Key { get; init; } = "";
}

/// <summary>Where the signed federation configuration is and how it is trusted.</summary>
public sealed record FederationSettings
{
    /// <summary>The configuration document (JSON).</summary>
    public string Document { get; init; } = "";

    /// <summary>The authority's detached CMS signature over the document.</summary>
    public string Signature { get; init; } = "";

    /// <summary>The pinned anchor: the authority's configuration-signing certificate (PEM).</summary>
    public string Anchor { get; init; } = "";

    /// <summary>How often to look for a changed configuration, in seconds. Default: 30.</summary>
    public int ReloadSeconds { get; init; } = 30;
}

/// <summary>One of this member's subsystems.</summary>
public sealed record SubsystemSettings
{
    /// <summary>The subsystem code.</summary>
    public string Code { get; init; } = "";

    /// <summary>SHA-256 fingerprints of the client certificates its systems present on the client endpoint.</summary>
    public IReadOnlyList<string> ClientCertificates { get; init; } = [];

    /// <summary>
    /// Whether its systems may call over plain HTTP/2 on loopback, without a certificate. Default: false.
    /// </summary>
    public bool PlainLoopback { get; init; }

    /// <summary>Whether payloads of its messages are kept in the message log. Default: false (digests only).</summary>
    public bool BodyLogging { get; init; }
}

/// <summary>A published service.</summary>
public sealed record ServiceSettings
{
    /// <summary>The publishing subsystem's code.</summary>
    public string Subsystem { get; init; } = "";

    /// <summary>The gRPC service's full name, e.g. <c>migration.v1.ResidencePermits</c>.</summary>
    public string Name { get; init; } = "";

    /// <summary>The registry's address, e.g. <c>http://127.0.0.1:6001</c>.</summary>
    public string Registry { get; init; } = "";

    /// <summary>Who may call it.</summary>
    public IReadOnlyList<GrantSettings> Grants { get; init; } = [];
}

/// <summary>A grant: a subsystem or a whole member, all methods or the ones named.</summary>
public sealed record GrantSettings
{
    /// <summary>A subsystem (<c>INSTANCE/CLASS/CODE/SUBSYSTEM</c>) or a member (<c>INSTANCE/CLASS/CODE</c>).</summary>
    public string Client { get; init; } = "";

    /// <summary>The methods granted; omitted or empty means every method.</summary>
    public IReadOnlyList<string> Methods { get; init; } = [];
}
