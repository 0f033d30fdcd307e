using System.Collections.Frozen;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Access;
using ExchangeGateway.Core.Federation;
using ExchangeGateway.Core.Identifiers;
using ExchangeGateway.Core.Pki;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Host.Configuration;
using ExchangeGateway.Host.Timestamping;
using ExchangeGateway.Testing.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExchangeGateway.Host.Tests.Support;

/// <summary>
/// A small real federation on loopback: member alpha's gateway (consumer), member beta's gateway (provider) with an
/// echo registry behind it, and member gamma, which has a registered gateway certificate but no running gateway.
/// </summary>
public sealed class TestFederation : IAsyncDisposable
{
    public const string Alpha = "MD/GOV/1000000000001";
    public const string Beta = "MD/GOV/1000000000002";
    public const string Gamma = "MD/COM/1000000000003";
    public const string Caller = Alpha + "/caller";
    public const string Stranger = Alpha + "/stranger";
    public const string EchoService = Beta + "/registry:testing.v1.Echo";

    private readonly List<GrpcChannel> _channels = [];
    private bool _bodyLogging = true;
    private AuditOptions? _audit;
    private bool _logCalls;
    private int _tsaPort;
    private TimestampAuthorityServer? _tsa;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private TestFederation(string directory, DevelopmentPki pki, TimeProvider time)
    {
        Directory = directory;
        Pki = pki;
        Time = time;
    }

    public string Directory { get; }

    public DevelopmentPki Pki { get; }

    public TimeProvider Time { get; }

    public EchoRegistry Registry { get; private set; } = null!;

    public GatewayNode Consumer { get; private set; } = null!;

    public GatewayNode Provider { get; private set; } = null!;

    public FederationDocument Document { get; private set; } = null!;

    public static async Task<TestFederation> StartAsync(
        TimeProvider? time = null,
        ILoggerFactory? loggers = null,
        bool plainClient = false,
        bool bodyLogging = true,
        bool timestamping = false,
        AuditOptions? audit = null,
        bool logCalls = false,
        bool providerSettingsFile = false,
        (int Consumer, int Provider)? maxMessageBytes = null,
        bool consumerSettingsFile = false)
    {
        time ??= TimeProvider.System;
        loggers ??= NullLoggerFactory.Instance;
        var directory = Path.Combine(Path.GetTempPath(), "exgw-test-" + Guid.NewGuid().ToString("N"));
        var pki = DevelopmentPki.Ensure(
            Path.Combine(directory, "pki"), ["alpha", "beta", "gamma"], TimeProvider.System);
        var federation = new TestFederation(directory, pki, time)
        {
            _bodyLogging = bodyLogging,
            _audit = audit,
            _logCalls = logCalls,
        };
        federation.Registry = await EchoRegistry.StartAsync();
        if (timestamping)
        {
            federation._tsaPort = FreePort();
            await federation.StartTsaAsync();
        }

        var consumer = federation.Options("alpha", Alpha);
        var provider = federation.Options("beta", Beta);
        if (maxMessageBytes is (int consumerBytes, int providerBytes))
        {
            consumer = consumer with { MaxMessageBytes = consumerBytes };
            provider = provider with { MaxMessageBytes = providerBytes };
        }

        if (plainClient)
        {
            consumer = consumer with
            {
                ClientTls = false,
                Subsystems = consumer.Subsystems.Values
                    .Select(s => s with { PlainLoopback = s.Id.Code == "caller" })
                    .ToFrozenDictionary(s => s.Id.Code),
            };
        }

        if (consumerSettingsFile)
        {
            consumer = consumer with { SettingsFile = federation.WriteConsumerSettings(["alpha-client"]) };
        }

        federation.Consumer = await GatewayNode.StartAsync(consumer, loggers, time, federation.Stamper(loggers))
            .WaitAsync(TimeSpan.FromSeconds(30));
        if (providerSettingsFile)
        {
            provider = provider with { SettingsFile = federation.WriteProviderSettings(["Say"]) };
        }

        federation.Provider = await GatewayNode.StartAsync(provider, loggers, time, federation.Stamper(loggers))
            .WaitAsync(TimeSpan.FromSeconds(30));
        federation.Document = federation.DefaultDocument(time.GetUtcNow());
        federation.Publish(federation.Document);
        return federation;
    }

    /// <summary>Writes the provider's settings file as its administrator would, with its echo service and a grant
    /// to alpha's caller of <paramref name="methods"/> (none: no grant at all); returns its path. Only what a running
    /// gateway reads again is in it: its member, subsystems, services and whether each call gets a line.</summary>
    public string WriteProviderSettings(IReadOnlyList<string>? methods, bool bodyLogging = false, bool logCalls = false)
    {
        var path = System.IO.Path.Combine(Directory, "beta", "gateway.json");
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var settings = new GatewaySettings
        {
            Name = "beta-gw",
            Member = Beta,
            LogCalls = logCalls,
            Subsystems = [new SubsystemSettings { Code = "registry", BodyLogging = bodyLogging }],
            Services =
            [
                new ServiceSettings
                {
                    Subsystem = "registry",
                    Name = ServiceId.Parse(EchoService).Name,
                    Registry = Registry.Address.ToString(),
                    Grants = methods is null
                        ? []
                        : [new GrantSettings { Client = Alpha + "/caller", Methods = methods }],
                },
            ],
        };
        File.WriteAllText(path, GatewaySettingsReader.Serialise(settings));
        return path;
    }

    /// <summary>Writes the consumer's settings file as its administrator would: its subsystems <c>caller</c>,
    /// with the fingerprints of the named client <paramref name="certificates"/> of the PKI, and <c>stranger</c>,
    /// with none; returns its path. Only what a running gateway reads again is in it.</summary>
    public string WriteConsumerSettings(IReadOnlyList<string> certificates)
    {
        var path = System.IO.Path.Combine(Directory, "alpha", "gateway.json");
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var settings = new GatewaySettings
        {
            Name = "alpha-gw",
            Member = Alpha,
            Subsystems =
            [
                new SubsystemSettings
                {
                    Code = "caller",
                    ClientCertificates = [.. certificates.Select(c => Fingerprint.Of(Pki.Read(c)))],
                },
                new SubsystemSettings { Code = "stranger" },
            ],
        };
        File.WriteAllText(path, GatewaySettingsReader.Serialise(settings));
        return path;
    }

    /// <summary>Signs and writes a federation document, then makes both gateways reload it.</summary>
    public void Publish(FederationDocument document, X509Certificate2? signer = null)
    {
        var bytes = FederationConfigurationWriter.Serialise(document);
        var signature = FederationConfigurationWriter.Sign(bytes, new MessageSigner(signer ?? Pki.Read("authority")));
        File.WriteAllBytes(Path.Combine(Directory, "federation.json"), bytes);
        File.WriteAllBytes(Path.Combine(Directory, "federation.json.p7s"), signature);
        Consumer.Federation.Reload();
        Provider.Federation.Reload();
        Document = document;
    }

    public FederationDocument DefaultDocument(DateTimeOffset now) => new()
    {
        Instance = "MD",
        Serial = now.ToUnixTimeMilliseconds(),
        IssuedAt = now.AddMinutes(-1),
        ExpiresAt = now.AddDays(1),
        TimestampingAuthorities = _tsaPort == 0 ? [] :
        [
            new TimestampingAuthorityEntry
            {
                Name = "test-tsa",
                Url = $"http://127.0.0.1:{_tsaPort}/",
                Certificates = [Fingerprint.Of(Pki.Read("tsa"))],
            },
        ],
        CertificateAuthorities = [Pki.Authority.ExportCertificatePem()],
        Members =
        [
            Member(Alpha, "Alpha Agency", ["caller", "stranger"], "alpha"),
            Member(Beta, "Beta Registry Agency", ["registry"], "beta"),
            Member(Gamma, "Gamma Company", ["client"], "gamma"),
        ],
        Gateways =
        [
            Gateway("alpha-gw", Alpha, Consumer.ExchangeAddress, "alpha"),
            Gateway("beta-gw", Beta, Provider.ExchangeAddress, "beta"),
            Gateway("gamma-gw", Gamma, new Uri("https://127.0.0.1:9"), "gamma"),
        ],
    };

    /// <summary>A plain HTTP/2 channel to the consumer gateway's client endpoint (loopback, no certificate).</summary>
    public GrpcChannel PlainChannel()
    {
        var channel = GrpcChannel.ForAddress(new Uri($"http://{Consumer.ClientAddress.Authority}"));
        _channels.Add(channel);
        return channel;
    }

    /// <summary>A channel to the consumer gateway's client endpoint, presenting the given client certificate.</summary>
    public GrpcChannel ClientChannel(string certificate = "alpha-client")
    {
        var client = Pki.Read(certificate);
        var authority = Pki.Authority;
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = [client],
                LocalCertificateSelectionCallback = (_, _, _, _, _) => client,
                RemoteCertificateValidationCallback = (_, cert, _, _) => cert is X509Certificate2 server
                    && CertificateChains.Validate(server, [authority], DateTimeOffset.UtcNow) is null,
            },
            EnableMultipleHttp2Connections = true,
        };
        var channel = GrpcChannel.ForAddress(Consumer.ClientAddress, new GrpcChannelOptions
        {
            HttpHandler = handler,
            MaxReceiveMessageSize = 32 * 1024 * 1024,
            MaxSendMessageSize = 32 * 1024 * 1024,
        });
        _channels.Add(channel);
        return channel;
    }

    public Echo.EchoClient Echo(string certificate = "alpha-client") => new(ClientChannel(certificate));

    /// <summary>A client of a gateway's audit endpoint: TLS trusting only the federation CA, no certificate.</summary>
    public global::ExchangeGateway.Host.Audit.V1.Audit.AuditClient AuditClient(GatewayNode node)
    {
        var authority = Pki.Authority;
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, cert, _, _) => cert is X509Certificate2 server
                    && CertificateChains.Validate(server, [authority], DateTimeOffset.UtcNow) is null,
            },
        };
        var channel = GrpcChannel.ForAddress(node.AuditAddress!, new GrpcChannelOptions { HttpHandler = handler });
        _channels.Add(channel);
        return new global::ExchangeGateway.Host.Audit.V1.Audit.AuditClient(channel);
    }

    public static Metadata Headers(string client = Caller, string service = EchoService) => new()
    {
        { "xroad-client", client },
        { "xroad-service", service },
    };

    /// <summary>
    /// A raw exchange client to the provider gateway, presenting any TLS certificate: a peer gateway.
    /// </summary>
    public Exchange.V1.Exchange.ExchangeClient PeerExchange(X509Certificate2 tls) => new(PeerChannel(tls));

    /// <summary>A channel to the provider gateway's exchange endpoint, presenting any TLS certificate.</summary>
    public GrpcChannel PeerChannel(X509Certificate2 tls)
    {
        var authority = Pki.Authority;
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = [tls],
                LocalCertificateSelectionCallback = (_, _, _, _, _) => tls,
                RemoteCertificateValidationCallback = (_, cert, _, _) => cert is X509Certificate2 server
                    && CertificateChains.Validate(server, [authority], DateTimeOffset.UtcNow) is null,
            },
        };
        var channel = GrpcChannel.ForAddress(
            Provider.ExchangeAddress, new GrpcChannelOptions { HttpHandler = handler });
        _channels.Add(channel);
        return channel;
    }

    /// <summary>Starts (or restarts) the federation's time-stamping authority on its fixed port.</summary>
    public async Task StartTsaAsync() => _tsa = await TimestampAuthorityServer.StartAsync(
        Pki.Read("tsa"), _tsaPort, Time, NullLoggerFactory.Instance).WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Stops the time-stamping authority: from now on it refuses connections.</summary>
    public async Task StopTsaAsync()
    {
        if (_tsa is not null)
        {
            await _tsa.DisposeAsync();
            _tsa = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        await Consumer.DisposeAsync();
        await Provider.DisposeAsync();
        await Registry.DisposeAsync();
        await StopTsaAsync();
        _http.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown is left for the OS temp cleaner.
        }
    }

    // The client's retries and breakers run on the real clock, so that a fake clock never stalls a test's stamping.
    private TimestampClient Stamper(ILoggerFactory loggers) => new TimestampClient(_http,
        () => Consumer?.Federation.Current ?? Provider?.Federation.Current, TimeProvider.System,
        loggers.CreateLogger<TimestampClient>(), new TimestampClientOptions
        {
            MaxRetryAttempts = 1,
            RetryDelay = TimeSpan.FromMilliseconds(10),
            BreakerMinimumThroughput = 1000,
        });

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private MemberEntry Member(string id, string name, string[] subsystems, string agency) => new()
    {
        Id = id,
        Name = name,
        Subsystems = subsystems,
        SigningCertificates = [Fingerprint.Of(Pki.Read($"{agency}-signing"))],
    };

    public GatewayEntry Gateway(string name, string owner, Uri address, string agency) => new()
    {
        Name = name,
        Owner = owner,
        Address = address.ToString().TrimEnd('/'),
        TlsCertificates = [Fingerprint.Of(Pki.Read($"{agency}-gateway"))],
    };

    private GatewayOptions Options(string agency, string member)
    {
        var memberId = MemberId.Parse(member);
        var clientFingerprint = Fingerprint.Of(Pki.Read($"{agency}-client"));
        var subsystems = (agency == "alpha" ? new[] { "caller", "stranger" } : ["registry"])
            .Select(code => new LocalSubsystem(SubsystemId.Parse($"{member}/{code}"),
                new[] { clientFingerprint }.ToFrozenSet(), false, _bodyLogging && code == "caller"))
            .ToFrozenDictionary(s => s.Id.Code);
        var services = new Dictionary<ServiceId, PublishedService>();
        var grants = new Dictionary<ServiceId, IReadOnlyList<AccessGrant>>();
        if (agency == "beta")
        {
            var echo = ServiceId.Parse(EchoService);
            services[echo] = new PublishedService(echo, Registry.Address);
            grants[echo] = [new AccessGrant(MemberId.Parse(Alpha), "caller", new HashSet<string> { "Say" })];
        }

        return new GatewayOptions
        {
            Name = $"{agency}-gw",
            Member = memberId,
            ClientEndpoint = new IPEndPoint(IPAddress.Loopback, 0),
            ExchangeEndpoint = new IPEndPoint(IPAddress.Loopback, 0),
            TlsCertificate = Pki.Read($"{agency}-gateway"),
            SigningCertificate = Pki.Read($"{agency}-signing"),
            Federation = new FederationFiles(
                Path.Combine(Directory, "federation.json"), Path.Combine(Directory, "federation.json.p7s"),
                Path.Combine(Pki.Directory, "authority.pem"), TimeSpan.FromHours(1)),
            MessageLogPath = Path.Combine(Directory, agency, "messagelog.db"),
            Subsystems = subsystems,
            Services = services.ToFrozenDictionary(),
            AccessRights = new AccessRights(grants),
            SubjectKey = new Core.Subjects.SubjectKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            Archiving = new ArchivingOptions { Directory = Path.Combine(Directory, agency, "archives") },
            Audit = _audit,
            LogCalls = _logCalls,
        };
    }
}
