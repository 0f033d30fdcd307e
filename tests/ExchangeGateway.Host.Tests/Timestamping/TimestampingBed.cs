using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Federation;
using ExchangeGateway.Core.Pki;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Host.Timestamping;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ExchangeGateway.Host.Tests.Timestamping;

/// <summary>
/// What the time-stamping tests stand on: the development PKI in a folder of its own (with its <c>tsa</c>), a
/// second TSA certificate, certificates the federation must not accept, a fake clock started at the machine's time
/// (OpenSSL checks certificates on the machine's clock), the authorities it started, and a signed federation
/// configuration listing whichever authorities a test names.
/// </summary>
internal sealed class TimestampingBed : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];

    public TimestampingBed()
    {
        Directory = Path.Combine(Path.GetTempPath(), "exgw-tsa-test-" + Guid.NewGuid().ToString("N"));
        Pki = DevelopmentPki.Ensure(Path.Combine(Directory, "pki"), [], TimeProvider.System);
        Time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var ca = Pki.Read("ca");
        var from = Time.GetUtcNow().AddDays(-1);
        var until = Time.GetUtcNow().AddDays(30);
        SecondTsa = CertificateFactory.CreateTimestamping(ca, "CN=Second TSA", from, until);
        UnregisteredTsa = CertificateFactory.CreateTimestamping(ca, "CN=Unregistered TSA", from, until);
        var foreignCa = CertificateFactory.CreateAuthority("CN=Foreign CA, C=XX", from, until);
        ForeignTsa = CertificateFactory.CreateTimestamping(foreignCa, "CN=Foreign TSA", from, until);
    }

    public string Directory { get; }

    public DevelopmentPki Pki { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>The development PKI's <c>tsa</c>, with its key.</summary>
    public X509Certificate2 Tsa => Pki.TimestampingAuthority;

    public X509Certificate2 SecondTsa { get; }

    public X509Certificate2 UnregisteredTsa { get; }

    public X509Certificate2 ForeignTsa { get; }

    public string File(string name) => Path.Combine(Directory, name);

    /// <summary>Starts an authority on a free loopback port, signing with <paramref name="certificate"/>.</summary>
    public async Task<TimestampAuthorityServer> StartAuthorityAsync(
        X509Certificate2? certificate = null, string policy = TimestampAuthorityServer.DefaultPolicy)
    {
        var server = await TimestampAuthorityServer.StartAsync(
                certificate ?? Tsa, 0, Time, NullLoggerFactory.Instance, policy)
            .WaitAsync(Support.Errors.Timeout);
        _owned.Add(server);
        return server;
    }

    /// <summary>An entry of the federation's list of authorities.</summary>
    public static TimestampingAuthorityEntry Entry(string name, Uri url, params X509Certificate2[] certificates) =>
        new() { Name = name, Url = url.ToString(), Certificates = certificates.Select(Fingerprint.Of).ToArray() };

    /// <summary>A federation configuration, signed by the PKI's authority and read as a gateway reads it.</summary>
    public FederationConfiguration Federation(params TimestampingAuthorityEntry[] authorities)
    {
        var now = Time.GetUtcNow();
        var document = new FederationDocument
        {
            Instance = "MD",
            Serial = 1,
            IssuedAt = now.AddHours(-1),
            ExpiresAt = now.AddDays(1),
            CertificateAuthorities = [Pki.Authority.ExportCertificatePem()],
            TimestampingAuthorities = authorities,
        };
        var bytes = FederationConfigurationWriter.Serialise(document);
        var signature = FederationConfigurationWriter.Sign(bytes, new MessageSigner(Pki.Read("authority")));
        Assert.True(FederationConfigurationReader.TryRead(
            bytes, signature, [Pki.ConfigurationAnchor], now, out var configuration, out var errors),
            string.Join(Environment.NewLine, errors));
        return configuration;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
