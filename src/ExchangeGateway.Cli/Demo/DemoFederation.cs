using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Federation;
using ExchangeGateway.Core.Pki;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Host;
using ExchangeGateway.Host.Configuration;
using ExchangeGateway.Host.Timestamping;
using ExchangeGateway.Registries;
using ExchangeGateway.Registries.Data;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace ExchangeGateway.Cli.Demo;

/// <summary>
/// The demo federation on loopback: three registries, three gateways, the development PKI and a signed federation
/// configuration, all made on demand under one folder, and configuration files written as an administrator would.
/// </summary>
/// <remarks>
/// Stages: (1) the development PKI, kept between runs; (2) the population and the three registries; (3) ports,
/// fixed from a base or free ones; (4) the federation configuration, signed by the governing authority; (5) one
/// configuration file per gateway; (6) the gateways, started from those files.
/// </remarks>
internal sealed class DemoFederation : IAsyncDisposable
{
    private readonly List<GrpcChannel> _channels = [];
    private readonly ProcessLock _folder;

    private DemoFederation(string directory, ProcessLock folder, DevelopmentPki pki, Population population)
    {
        Directory = directory;
        _folder = folder;
        Pki = pki;
        Population = population;
    }

    public string Directory { get; }

    public DevelopmentPki Pki { get; }

    public Population Population { get; }

    public Dictionary<DemoAgency, DemoRegistry> Registries { get; } = [];

    public Dictionary<DemoAgency, GatewayNode> Gateways { get; } = [];

    /// <summary>The federation's time-stamping authority, shipped with the product.</summary>
    public TimestampAuthorityServer Tsa { get; private set; } = null!;

    public string FederationDocumentPath => Path.Combine(Directory, "federation", "federation.json");

    /// <summary>Starts the demo federation in <paramref name="directory"/>, on ports laid out from
    /// <paramref name="basePort"/> or on free ones; <paramref name="starting"/> is called once the folder is this
    /// federation's (no other runs from it), before the seconds of making the PKI and starting every part.</summary>
    public static async Task<DemoFederation> StartAsync(
        string directory, int? basePort, ILoggerFactory loggers, CancellationToken cancellationToken,
        Action? starting = null)
    {
        // Free ports are found by binding and releasing them, so another process may take one before the
        // federation binds it: start again on new ports a few times before giving up.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(directory, basePort, loggers, starting, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (IOException) when (basePort is null && attempt < 3)
            {
                continue;
            }
        }
    }

    private static async Task<DemoFederation> StartOnceAsync(string directory, int? basePort, ILoggerFactory loggers,
        Action? starting, CancellationToken cancellationToken)
    {
        // A second federation in the folder would rewrite the files the first one's gateways read, and share their
        // message logs: refused before anything is written, or said.
        var folder = ProcessLock.Take(Path.Combine(directory, "exgw.lock"),
            $"another exgw up or demo runs from {directory}; stop it first, or give another --dir");
        starting?.Invoke();

        // (1)
        DevelopmentPki pki;
        try
        {
            pki = DevelopmentPki.Ensure(Path.Combine(directory, "pki"), DemoAgencies.All.Select(a => a.Key),
                TimeProvider.System);
        }
        catch
        {
            folder.Dispose();
            throw;
        }

        // (2) and (3)
        var federation = new DemoFederation(directory, folder, pki, Population.Generate());
        try
        {
            await federation.StartPartsAsync(basePort, loggers, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await federation.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return federation;
    }

    /// <summary>The ports an agency's parts listen on when a federation starts at <paramref name="basePort"/>:
    /// BASE + 10 × the agency's place + 1, 2 and 3.</summary>
    public static (int Client, int Exchange, int Registry) PortsOf(DemoAgency agency, int basePort)
    {
        var first = basePort + (10 * DemoAgencies.All.ToList().IndexOf(agency));
        return (first + 1, first + 2, first + 3);
    }

    /// <summary>The time-stamping authority's port when the ports are laid out from <paramref name="basePort"/>.
    /// </summary>
    public static int TsaPortOf(int basePort) => basePort + 90;

    private async Task StartPartsAsync(int? basePort, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var ports = new Dictionary<DemoAgency, (int Client, int Exchange, int Registry)>();
        foreach (var agency in DemoAgencies.All)
        {
            ports[agency] = basePort is { } b
                ? PortsOf(agency, b)
                : (FreePorts.Next(), FreePorts.Next(), FreePorts.Next());
        }

        var tsaPort = basePort is { } tsaBase ? TsaPortOf(tsaBase) : 0;
        if (basePort is not null)
        {
            // Said before anything is written: the files of a federation that still runs there stay as they are.
            foreach (var (agency, (client, exchange, registry)) in ports)
            {
                FreePorts.Check(client, $"{agency.Key}'s client endpoint");
                FreePorts.Check(exchange, $"{agency.Key}'s exchange endpoint");
                FreePorts.Check(registry, $"{agency.Key}'s registry");
            }

            FreePorts.Check(tsaPort, "the time-stamping authority");
        }

        foreach (var agency in DemoAgencies.All)
        {
            Registries[agency] = await DemoRegistry.StartAsync(agency.Registry, Population,
                ports[agency].Registry, loggers, cancellationToken).ConfigureAwait(false);
        }

        // (4) and (5)
        Tsa = await TimestampAuthorityServer.StartAsync(Pki.TimestampingAuthority, tsaPort,
            TimeProvider.System, loggers, cancellationToken: cancellationToken).ConfigureAwait(false);
        WriteFederation(ports);
        foreach (var agency in DemoAgencies.All)
        {
            var path = WriteGatewaySettings(agency, ports[agency]);

            // (6)
            if (!GatewaySettingsReader.TryRead(path, out var options, out var errors))
            {
                throw new InvalidOperationException($"{path}: {string.Join("; ", errors)}");
            }

            Gateways[agency] = await GatewayNode.StartAsync(options, loggers, null, null, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary>A channel from an agency's own system to its gateway's client endpoint, over mutual TLS.</summary>
    public GrpcChannel ChannelFor(DemoAgency agency)
    {
        var certificate = Pki.Read($"{agency.Key}-client");
        var authority = Pki.Authority;
        var channel = GrpcChannel.ForAddress(Gateways[agency].ClientAddress, new GrpcChannelOptions
        {
            DisposeHttpClient = true,
            HttpHandler = new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions
                {
                    ClientCertificates = [certificate],
                    LocalCertificateSelectionCallback = (_, _, _, _, _) => certificate,
                    RemoteCertificateValidationCallback = (_, server, _, _) => server is X509Certificate2 s
                        && CertificateChains.Validate(s, [authority], DateTimeOffset.UtcNow) is null,
                },
            },
        });
        _channels.Add(channel);
        return channel;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        foreach (var gateway in Gateways.Values)
        {
            await gateway.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var registry in Registries.Values)
        {
            await registry.DisposeAsync().ConfigureAwait(false);
        }

        if (Tsa is not null)
        {
            await Tsa.DisposeAsync().ConfigureAwait(false);
        }

        _folder.Dispose();
    }

    private void WriteFederation(Dictionary<DemoAgency, (int Client, int Exchange, int Registry)> ports)
    {
        var now = DateTimeOffset.UtcNow;
        var document = new FederationDocument
        {
            Instance = "MD",
            Serial = now.ToUnixTimeSeconds(),
            IssuedAt = now,
            ExpiresAt = now.AddDays(7),
            CertificateAuthorities = [Pki.Authority.ExportCertificatePem()],
            Members = DemoAgencies.All.Select(a => new MemberEntry
            {
                Id = a.Member,
                Name = a.Name,
                Subsystems = [a.RegistrySubsystem, a.ClientSubsystem],
                SigningCertificates = [Fingerprint.Of(Pki.Read($"{a.Key}-signing"))],
            }).ToList(),
            TimestampingAuthorities =
            [
                new TimestampingAuthorityEntry
                {
                    Name = "md-demo-tsa",
                    Url = Tsa.Address.ToString(),
                    Certificates = [Fingerprint.Of(Pki.TimestampingAuthority)],
                },
            ],
            Gateways = DemoAgencies.All.Select(a => new GatewayEntry
            {
                Name = a.GatewayName,
                Owner = a.Member,
                Address = $"https://127.0.0.1:{ports[a].Exchange}",
                TlsCertificates = [Fingerprint.Of(Pki.Read($"{a.Key}-gateway"))],
            }).ToList(),
        };
        var bytes = FederationConfigurationWriter.Serialise(document);
        var signature = FederationConfigurationWriter.Sign(bytes, new MessageSigner(Pki.Read("authority")));
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(FederationDocumentPath)!);
        File.WriteAllBytes(FederationDocumentPath, bytes);
        File.WriteAllBytes(FederationDocumentPath + ".p7s", signature);
    }

    private string WriteGatewaySettings(DemoAgency agency, (int Client, int Exchange, int Registry) ports)
    {
        var registry = Registries[agency];
        var grants = DemoAgencies.GrantsOf(agency);
        var settings = new GatewaySettings
        {
            Name = agency.GatewayName,
            Member = agency.Member,
            ClientEndpoint = new ClientEndpointSettings { Address = $"127.0.0.1:{ports.Client}" },
            ExchangeEndpoint = $"127.0.0.1:{ports.Exchange}",
            TlsCertificate = new CertificateSettings
            {
                Certificate = $"../pki/{agency.Key}-gateway.pem", Key = $"../pki/{agency.Key}-gateway.key",
            },
            SigningCertificate = new CertificateSettings
            {
                Certificate = $"../pki/{agency.Key}-signing.pem", Key = $"../pki/{agency.Key}-signing.key",
            },
            Federation = new FederationSettings
            {
                Document = "../federation/federation.json",
                Signature = "../federation/federation.json.p7s",
                Anchor = "../pki/authority.pem",
                ReloadSeconds = 10,
            },
            MessageLog = "messagelog.db",

            // A development federation: every call shows on the console of exgw up.
            LogCalls = true,
            Timestamping = new TimestampingSettings { IntervalSeconds = 2 },
            Subsystems =
            [
                new SubsystemSettings { Code = agency.RegistrySubsystem, BodyLogging = agency.BodyLogging },
                new SubsystemSettings
                {
                    Code = agency.ClientSubsystem,
                    ClientCertificates = [Fingerprint.Of(Pki.Read($"{agency.Key}-client"))],
                    BodyLogging = agency.BodyLogging,
                },
            ],
            Services = registry.Services.Select(service => new ServiceSettings
            {
                Subsystem = agency.RegistrySubsystem,
                Name = service,
                Registry = registry.Address.ToString(),
                Grants = grants.Where(g => g.Service == service)
                    .Select(g => new GrantSettings { Client = g.Client, Methods = g.Methods }).ToList(),
            }).ToList(),
        };
        var folder = Path.Combine(Directory, agency.Key);
        System.IO.Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "gateway.json");
        File.WriteAllText(path, GatewaySettingsReader.Serialise(settings));
        return path;
    }
}
