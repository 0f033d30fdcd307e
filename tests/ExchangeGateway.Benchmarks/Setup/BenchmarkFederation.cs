using ExchangeGateway.Core.Federation;
using ExchangeGateway.Core.Pki;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Host.Configuration;

namespace ExchangeGateway.Benchmarks.Setup;

/// <summary>
/// The two-member federation the benchmark runs: a consumer member whose system calls, a provider member that
/// publishes the echo registry. Everything is written as an administrator would: the development PKI, the signed
/// federation configuration, and one configuration file per gateway.
/// </summary>
internal sealed class BenchmarkFederation
{
    public const string Instance = "BENCH";
    public const string ConsumerMember = "BENCH/GOV/1000000000001";
    public const string ProviderMember = "BENCH/GOV/1000000000002";
    public const string ClientSubsystem = "bench-client";
    public const string RegistrySubsystem = "echo-registry";
    public const string ServiceName = "testing.v1.Echo";

    /// <summary>The PKI's agency keys: a gateway TLS, a signing and a client certificate each.</summary>
    public static readonly string[] Parties = ["consumer", "provider", "registry", "front", "back"];

    private BenchmarkFederation(string directory, DevelopmentPki pki)
    {
        Directory = directory;
        Pki = pki;
    }

    public string Directory { get; }

    public DevelopmentPki Pki { get; }

    public string DocumentPath => Path.Combine(Directory, "federation", "federation.json");

    public string AnchorPath => Path.Combine(Pki.Directory, "authority.pem");

    public static string XRoadClient => $"{ConsumerMember}/{ClientSubsystem}";

    public static string XRoadService => $"{ProviderMember}/{RegistrySubsystem}:{ServiceName}";

    /// <summary>
    /// Makes the PKI and signs a federation configuration naming both gateways at their exchange ports and the
    /// time-stamping authority at <paramref name="tsaPort"/>: the gateways stamp their logs as in production.
    /// </summary>
    public static BenchmarkFederation Create(
        string directory, int consumerExchangePort, int providerExchangePort, int tsaPort)
    {
        var pki = DevelopmentPki.Ensure(Path.Combine(directory, "pki"), Parties, TimeProvider.System);
        var federation = new BenchmarkFederation(directory, pki);
        var now = DateTimeOffset.UtcNow;
        var document = new FederationDocument
        {
            Instance = Instance,
            Serial = now.ToUnixTimeSeconds(),
            IssuedAt = now,
            ExpiresAt = now.AddDays(1),
            CertificateAuthorities = [pki.Authority.ExportCertificatePem()],
            Members =
            [
                Member(pki, ConsumerMember, "Benchmark consumer", "consumer", ClientSubsystem),
                Member(pki, ProviderMember, "Benchmark provider", "provider", RegistrySubsystem),
            ],
            TimestampingAuthorities =
            [
                new TimestampingAuthorityEntry
                {
                    Name = "bench-tsa",
                    Url = $"http://127.0.0.1:{tsaPort}/",
                    Certificates = [Fingerprint.Of(pki.TimestampingAuthority)],
                },
            ],
            Gateways =
            [
                Gateway(pki, "consumer-gw", ConsumerMember, "consumer", consumerExchangePort),
                Gateway(pki, "provider-gw", ProviderMember, "provider", providerExchangePort),
            ],
        };
        var bytes = FederationConfigurationWriter.Serialise(document);
        var signature = FederationConfigurationWriter.Sign(bytes, new MessageSigner(pki.Read("authority")));
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(federation.DocumentPath)!);
        File.WriteAllBytes(federation.DocumentPath, bytes);
        File.WriteAllBytes(federation.DocumentPath + ".p7s", signature);
        return federation;
    }

    /// <summary>Writes the consumer gateway's file; its client endpoint is mutual TLS unless <paramref name="plain"/>,
    /// in which case the client subsystem may call over plain HTTP/2 on loopback (for h2load).</summary>
    public string WriteConsumer(
        string folder, int clientPort, int exchangePort, bool plain, string messageLog, int stampSeconds) =>
        Write(folder, new GatewaySettings
        {
            Name = "consumer-gw",
            Member = ConsumerMember,
            ClientEndpoint = new ClientEndpointSettings { Address = $"127.0.0.1:{clientPort}", Tls = !plain },
            ExchangeEndpoint = $"127.0.0.1:{exchangePort}",
            TlsCertificate = Certificate("consumer-gateway"),
            SigningCertificate = Certificate("consumer-signing"),
            Federation = FederationFiles(),
            MessageLog = messageLog,
            Timestamping = new TimestampingSettings { IntervalSeconds = stampSeconds },
            Subsystems =
            [
                new SubsystemSettings
                {
                    Code = ClientSubsystem,
                    ClientCertificates = [Fingerprint.Of(Pki.Read("consumer-client"))],
                    PlainLoopback = plain,
                },
            ],
        });

    /// <summary>Writes the provider gateway's file, publishing the echo registry to the consumer's subsystem.</summary>
    public string WriteProvider(
        string folder, int clientPort, int exchangePort, Uri registry, string messageLog, int stampSeconds) =>
        Write(folder, new GatewaySettings
        {
            Name = "provider-gw",
            Member = ProviderMember,
            ClientEndpoint = new ClientEndpointSettings { Address = $"127.0.0.1:{clientPort}" },
            ExchangeEndpoint = $"127.0.0.1:{exchangePort}",
            TlsCertificate = Certificate("provider-gateway"),
            SigningCertificate = Certificate("provider-signing"),
            Federation = FederationFiles(),
            MessageLog = messageLog,
            Timestamping = new TimestampingSettings { IntervalSeconds = stampSeconds },
            Subsystems = [new SubsystemSettings { Code = RegistrySubsystem }],
            Services =
            [
                new ServiceSettings
                {
                    Subsystem = RegistrySubsystem,
                    Name = ServiceName,
                    Registry = registry.ToString(),
                    Grants = [new GrantSettings { Client = XRoadClient }],
                },
            ],
        });

    private static MemberEntry Member(DevelopmentPki pki, string id, string name, string key, string subsystem) => new()
    {
        Id = id,
        Name = name,
        Subsystems = [subsystem],
        SigningCertificates = [Fingerprint.Of(pki.Read($"{key}-signing"))],
    };

    private static GatewayEntry Gateway(DevelopmentPki pki, string name, string owner, string key, int port) => new()
    {
        Name = name,
        Owner = owner,
        Address = $"https://127.0.0.1:{port}",
        TlsCertificates = [Fingerprint.Of(pki.Read($"{key}-gateway"))],
    };

    private CertificateSettings Certificate(string name) => new()
    {
        Certificate = Path.Combine(Pki.Directory, name + ".pem"),
        Key = Path.Combine(Pki.Directory, name + ".key"),
    };

    private FederationSettings FederationFiles() => new()
    {
        Document = DocumentPath,
        Signature = DocumentPath + ".p7s",
        Anchor = AnchorPath,
    };

    private static string Write(string folder, GatewaySettings settings)
    {
        System.IO.Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "gateway.json");
        File.WriteAllText(path, GatewaySettingsReader.Serialise(settings));
        return path;
    }
}
