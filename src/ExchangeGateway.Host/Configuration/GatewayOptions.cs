using System.Collections.Frozen;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Access;
using ExchangeGateway.Core.Identifiers;

namespace ExchangeGateway.Host.Configuration;

/// <summary>A gateway's validated configuration: everything it needs, with certificates loaded.</summary>
public sealed record GatewayOptions
{
    /// <summary>The gateway's name in the federation.</summary>
    public required string Name { get; init; }

    /// <summary>The member that runs the gateway.</summary>
    public required MemberId Member { get; init; }

    /// <summary>The client endpoint.</summary>
    public required IPEndPoint ClientEndpoint { get; init; }

    /// <summary>Whether the client endpoint uses mutual TLS (otherwise plain HTTP/2, loopback only).</summary>
    public bool ClientTls { get; init; } = true;

    /// <summary>The exchange endpoint.</summary>
    public required IPEndPoint ExchangeEndpoint { get; init; }

    /// <summary>The TLS certificate with its key.</summary>
    public required X509Certificate2 TlsCertificate { get; init; }

    /// <summary>The signing certificate with its key.</summary>
    public required X509Certificate2 SigningCertificate { get; init; }

    /// <summary>The signed federation configuration.</summary>
    public required FederationFiles Federation { get; init; }

    /// <summary>The message log database file.</summary>
    public required string MessageLogPath { get; init; }

    /// <summary>The local subsystems by code.</summary>
    public required FrozenDictionary<string, LocalSubsystem> Subsystems { get; init; }

    /// <summary>The published services.</summary>
    public required FrozenDictionary<ServiceId, PublishedService> Services { get; init; }

    /// <summary>The grants on the published services.</summary>
    public required AccessRights AccessRights { get; init; }

    /// <summary>The settings file these options were read from, whose services and grants the gateway reads again
    /// when it changes; null for options built in code.</summary>
    public string? SettingsFile { get; init; }

    /// <summary>The largest message accepted. Default: 16 MiB.</summary>
    public int MaxMessageBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// The key under which data subjects are hashed; without one, calls naming a subject are refused.
    /// </summary>
    public Core.Subjects.SubjectKey? SubjectKey { get; init; }

    /// <summary>How the message log is time-stamped.</summary>
    public Timestamping.TimestampingOptions Timestamping { get; init; } = new();

    /// <summary>How the time-stamped log is archived and purged.</summary>
    public ArchivingOptions Archiving { get; init; } = new();

    /// <summary>The accepted clock difference to a peer's envelope. Default: 5 minutes.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether every completed call also writes a line to the diagnostic log. Default: false: the message log is
    /// the record of every call, and a second line a call took about 4 % of a gateway's CPU samples and 3.3 KB of
    /// allocation per call at 64 concurrent calls in the benchmark. Refusals are logged either way. Read again while
    /// the gateway runs, with the services (<see cref="ServiceCatalog"/>): this is the value at start.
    /// </summary>
    public bool LogCalls { get; init; }

    /// <summary>The audit endpoint; null (the default) when there is none.</summary>
    public AuditOptions? Audit { get; init; }
}
