using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Core.Timestamping;
using ExchangeGateway.Host.Archiving;
using ExchangeGateway.Host.Configuration;
using ExchangeGateway.Host.Consumer;
using ExchangeGateway.Host.Evidence;
using ExchangeGateway.Host.Federation;
using ExchangeGateway.Host.Provider;
using ExchangeGateway.Host.Timestamping;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ExchangeGateway.Host;

/// <summary>
/// One running gateway: the client endpoint for the agency's own systems and the exchange endpoint for other
/// gateways, each its own Kestrel server, sharing the federation state, the signer and the message log.
/// </summary>
public sealed partial class GatewayNode : IAsyncDisposable
{
    private readonly WebApplication _client;
    private readonly WebApplication _exchange;
    private readonly WebApplication? _audit;
    private readonly SqliteMessageLog _log;
    private readonly ProcessLock _logLock;
    private readonly IDisposable[] _owned;
    private int _disposed;

    private GatewayNode(
        GatewayOptions options, FederationState federation, SqliteMessageLog log, ProcessLock logLock,
        BatchSigner signer, WebApplication client, WebApplication exchange, WebApplication? audit,
        IDisposable[] owned)
    {
        Options = options;
        Federation = federation;
        Signer = signer;
        _log = log;
        _logLock = logLock;
        _client = client;
        _exchange = exchange;
        _audit = audit;
        _owned = owned;
    }

    /// <summary>The gateway's configuration.</summary>
    public GatewayOptions Options { get; }

    /// <summary>The federation configuration in force.</summary>
    public FederationState Federation { get; }

    /// <summary>The batch signer, with its counts of signatures and messages signed.</summary>
    public BatchSigner Signer { get; }

    /// <summary>Whether the gateway serves, and why not.</summary>
    public GatewayHealth Health { get; private init; } = null!;

    /// <summary>The message log's time-stamper, when time-stamping is on.</summary>
    public LogTimestamper? Timestamper { get; private init; }

    /// <summary>Archives the time-stamped log on schedule, and on demand.</summary>
    public ArchiveSchedule Archives { get; private init; } = null!;

    /// <summary>The message log.</summary>
    public IMessageLog MessageLog => _log;

    /// <summary>The client endpoint's address, as bound.</summary>
    public Uri ClientAddress { get; private set; } = null!;

    /// <summary>The exchange endpoint's address, as bound.</summary>
    public Uri ExchangeAddress { get; private set; } = null!;

    /// <summary>Builds and starts a gateway.</summary>
    /// <param name="options">The validated configuration.</param>
    /// <param name="loggerFactory">Where diagnostic logs go.</param>
    /// <param name="time">The clock; the system clock by default.</param>
    /// <param name="timestamper">Obtains time-stamp tokens for the message log; none means the log is not
    /// stamped.</param>
    /// <param name="cancellationToken">Cancels starting.</param>
    public static async Task<GatewayNode> StartAsync(
        GatewayOptions options, ILoggerFactory loggerFactory, TimeProvider? time = null,
        ITimestamper? timestamper = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        loggerFactory = new HostLoggers(loggerFactory, options.Name);
        time ??= TimeProvider.System;

        // Two gateways on one log would fork its chain: the second refuses to start, before anything is written.
        var logLock = ProcessLock.Take(options.MessageLogPath + ".lock",
            $"another gateway runs on the message log {options.MessageLogPath}; stop it first");
        SqliteMessageLog log;
        try
        {
            log = SqliteMessageLog.Open(options.MessageLogPath);
        }
        catch
        {
            logLock.Dispose();
            throw;
        }

        var federation = new FederationState(options.Federation, time, loggerFactory.CreateLogger<FederationState>());
        federation.Start();
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        timestamper ??= new TimestampClient(http, federation, time, loggerFactory.CreateLogger<TimestampClient>());

        // Stamping is required exactly when the federation lists time-stamping authorities.
        var stamper = new LogTimestamper(log, timestamper, () => federation.Current?.TimestampingAuthorities.Count > 0,
            options.Timestamping, time, loggerFactory.CreateLogger<LogTimestamper>());
        var health = new GatewayHealth(federation, stamper, time);
        var signer = new BatchSigner(new MessageSigner(options.SigningCertificate));
        var archiver = GatewayArchiver.For(options, log, () => federation.CurrentSigned, time);
        var archives = new ArchiveSchedule(archiver, options.Archiving.Interval, options.Archiving.Policy.Retention,
            time, loggerFactory.CreateLogger<ArchiveSchedule>());
        var evidence = new EvidenceLog(signer, log, options.SubjectKey, time, new CallStages(options.Name));
        var registries = new RegistryInvoker(options.MaxMessageBytes);
        var peers = new PeerChannels(options, federation, time, loggerFactory.CreateLogger<PeerChannels>());
        var catalog = new ServiceCatalog(options, federation, time, loggerFactory.CreateLogger<ServiceCatalog>());
        catalog.Start();
        var consumer = new ConsumerCall(options, federation, evidence, new ClientAdmission(options, catalog, time),
            new ProviderExchange(peers, federation, evidence,
                UnreachablePeers.Create(time, loggerFactory.CreateLogger<ProviderExchange>())),
            catalog, health, new ReplayGuard(options.ClockSkew, time), loggerFactory.CreateLogger<ConsumerCall>());
        var provider = new ProviderCall(options, federation, evidence, registries, catalog, health,
            new ReplayGuard(options.ClockSkew, time), loggerFactory.CreateLogger<ProviderCall>());

        var client = BuildClient(options, loggerFactory, new ClientCallHandler(consumer, health, evidence.Stages));
        var exchange = BuildExchange(options, loggerFactory, provider, health, federation, time);
        var audit = options.Audit is null ? null : BuildAudit(options, options.Audit, loggerFactory, federation, time);
        IDisposable[] owned = [registries, peers, catalog, federation, http];
        var node = new GatewayNode(options, federation, log, logLock, signer, client, exchange, audit, owned)
        {
            Health = health,
            Timestamper = stamper,
            Archives = archives,
        };
        stamper.Start();
        archives.Start();
        try
        {
            await StartEndpointAsync(client, "client", options.ClientEndpoint, cancellationToken)
                .ConfigureAwait(false);
            await StartEndpointAsync(exchange, "exchange", options.ExchangeEndpoint, cancellationToken)
                .ConfigureAwait(false);
            if (audit is not null)
            {
                await StartEndpointAsync(audit, "audit", options.Audit!.Endpoint, cancellationToken)
                    .ConfigureAwait(false);
            }
        }
        catch
        {
            // A port already taken, say: release what was started (the other endpoint, the log) and report it.
            await node.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        node.ClientAddress = BoundAddress(client);
        node.ExchangeAddress = BoundAddress(exchange);
        var logger = loggerFactory.CreateLogger<GatewayNode>();
        Log.Listening(logger, options.Name, node.ClientAddress.ToString(), node.ExchangeAddress.ToString());
        if (audit is not null)
        {
            node.AuditAddress = BoundAddress(audit);
            Log.AuditListening(logger, options.Name, node.AuditAddress.ToString());
        }

        foreach (var problem in StartupCheck.Problems(options, federation.Current))
        {
            Log.StartupProblem(logger, options.Name, problem);
        }

        return node;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _client.StopAsync().ConfigureAwait(false);
        await _exchange.StopAsync().ConfigureAwait(false);
        if (_audit is not null)
        {
            await _audit.StopAsync().ConfigureAwait(false);
            await _audit.DisposeAsync().ConfigureAwait(false);
        }

        await _client.DisposeAsync().ConfigureAwait(false);
        await _exchange.DisposeAsync().ConfigureAwait(false);

        // No call adds a record now: the time-stamper's last round stamps them all, with the HTTP client and the
        // federation configuration still in place.
        if (Timestamper is not null)
        {
            await Timestamper.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        if (Archives is not null)
        {
            await Archives.DisposeAsync().ConfigureAwait(false);
        }

        await Signer.DisposeAsync().ConfigureAwait(false);
        await _log.DisposeAsync().ConfigureAwait(false);
        _logLock.Dispose();
    }

    private static WebApplication BuildClient(
        GatewayOptions options, ILoggerFactory loggerFactory, ClientCallHandler handler)
    {
        var builder = Builder(loggerFactory, options);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(options.ClientEndpoint, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            if (options.ClientTls)
            {
                var tls = AgencyTls(options, ClientCertificateMode.RequireCertificate);

                // Agency systems are identified by the fingerprint registered per subsystem, checked per call.
                tls.ClientCertificateValidation = (_, _, _) => true;
                listen.UseHttps(tls);
            }
        }));
        var app = builder.Build();
        app.Run(handler.HandleAsync);
        return app;
    }

    private static WebApplication BuildExchange(
        GatewayOptions options, ILoggerFactory loggerFactory, ProviderCall provider, GatewayHealth health,
        FederationState federation, TimeProvider time)
    {
        var builder = Builder(loggerFactory, options);
        var logger = loggerFactory.CreateLogger<GatewayNode>();
        builder.Services.AddSingleton(provider);
        builder.Services.AddSingleton(health);
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = options.MaxMessageBytes + (256 * 1024);
            grpc.MaxSendMessageSize = options.MaxMessageBytes + (256 * 1024);
            grpc.EnableDetailedErrors = false;

            // Any other path is answered with a reason by the fallback below, not with gRPC's bare UNIMPLEMENTED.
            grpc.IgnoreUnknownServices = true;
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(options.ExchangeEndpoint, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            listen.UseHttps(new HttpsConnectionAdapterOptions
            {
                ServerCertificate = options.TlsCertificate,
                ClientCertificateMode = ClientCertificateMode.RequireCertificate,
                SslProtocols = SslProtocols.Tls13,
                ClientCertificateValidation = (certificate, _, _) =>
                {
                    var failure = PeerCertificates.Check(certificate, federation.Current, time.GetUtcNow(), false);
                    if (failure is not null)
                    {
                        Log.PeerCertificateRefused(logger, certificate.Subject, failure);
                    }

                    return failure is null;
                },
            });
        }));
        var app = builder.Build();
        app.MapGrpcService<ExchangeService>();
        app.MapGrpcService<HealthService>();
        var unknown = new UnknownCall(options, logger);
        app.MapFallback(unknown.AnswerAsync);
        return app;
    }

    private static WebApplicationBuilder Builder(ILoggerFactory loggerFactory, GatewayOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(EmbeddedLifetime.Options);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.Replace(ServiceDescriptor.Singleton<IHostLifetime, EmbeddedLifetime>());
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxMessageBytes + (1024 * 1024);
            kestrel.Limits.Http2.MaxStreamsPerConnection = 1000;
            kestrel.Limits.Http2.InitialConnectionWindowSize = 4 * 1024 * 1024;
            kestrel.Limits.Http2.InitialStreamWindowSize = 2 * 1024 * 1024;
        });
        return builder;
    }

    /// <summary>Starts one endpoint; a failure to bind names the endpoint and its address.</summary>
    private static async Task StartEndpointAsync(
        WebApplication app, string name, IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            var cause = ex.InnerException?.Message ?? ex.Message;
            throw new IOException($"the {name} endpoint {endpoint} cannot be opened: {cause}", ex);
        }
    }

    private static Uri BoundAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        return new Uri(addresses!.Addresses.First());
    }

    /// <summary>TLS 1.3 suites and the TLS 1.2 suites with ephemeral key exchange and AEAD only.</summary>
    /// <summary>TLS for the endpoints agency systems and auditors use: the gateway's certificate, TLS 1.3 or 1.2
    /// with forward-secret AEAD suites.</summary>
    private static HttpsConnectionAdapterOptions AgencyTls(GatewayOptions options, ClientCertificateMode mode) => new()
    {
        ServerCertificate = options.TlsCertificate,
        ClientCertificateMode = mode,
        SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        OnAuthenticate = (_, ssl) => ssl.CipherSuitesPolicy = ForwardSecret,
    };

    private static CipherSuitesPolicy? ForwardSecret => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()
        ? new CipherSuitesPolicy(
        [
            TlsCipherSuite.TLS_AES_128_GCM_SHA256,
            TlsCipherSuite.TLS_AES_256_GCM_SHA384,
            TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256,
            TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
            TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
            TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
            TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        ])
        : null;
}
