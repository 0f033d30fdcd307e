using System.Security.Cryptography.X509Certificates;

namespace ExchangeGateway.Core.Pki;

/// <summary>
/// The development PKI, generated on demand into a folder that is never committed: a federation root CA, the
/// governing authority's configuration-signing certificate, the development time-stamping authority's certificate,
/// and per agency a gateway TLS certificate, a member signing certificate and a client certificate for the agency's
/// own system.
/// </summary>
/// <remarks>
/// Files, each a PEM certificate with a PEM private key beside it: <c>ca</c>, <c>authority</c>, <c>tsa</c>,
/// <c>AGENCY-gateway</c>, <c>AGENCY-signing</c>, <c>AGENCY-client</c>. Existing files are kept, so reruns are cheap
/// and a running federation keeps its identities.
/// </remarks>
public sealed class DevelopmentPki
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    private DevelopmentPki(string directory)
    {
        Directory = directory;
    }

    /// <summary>The folder that holds the files.</summary>
    public string Directory { get; }

    /// <summary>The federation root CA certificate.</summary>
    public X509Certificate2 Authority => PemFiles.ReadCertificate(Directory, "ca");

    /// <summary>The governing authority's configuration-signing certificate (the pinned anchor).</summary>
    public X509Certificate2 ConfigurationAnchor => PemFiles.ReadCertificate(Directory, "authority");

    /// <summary>The development time-stamping authority's token-signing certificate, with its key.</summary>
    public X509Certificate2 TimestampingAuthority => PemFiles.Read(Directory, "tsa");

    /// <summary>
    /// Makes whatever of the PKI is missing in <paramref name="directory"/> for <paramref name="agencies"/>.
    /// </summary>
    public static DevelopmentPki Ensure(string directory, IEnumerable<string> agencies, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        ArgumentNullException.ThrowIfNull(time);
        var pki = new DevelopmentPki(directory);
        var now = time.GetUtcNow().AddMinutes(-5);
        pki.ForgetOrphans();
        var ca = pki.EnsureOne("ca", () => CertificateFactory.CreateAuthority(
            "CN=ExchangeGateway Development Federation CA, O=ExchangeGateway Development, C=MD", now, now.AddYears(5)));
        pki.EnsureOne("authority", () => CertificateFactory.CreateSigning(
            ca, "CN=Governing Authority Configuration Signing, O=ExchangeGateway Development, C=MD", now,
            now + Lifetime));
        pki.EnsureOne("tsa", () => CertificateFactory.CreateTimestamping(
            ca, "CN=ExchangeGateway Development Time-Stamping Authority, O=ExchangeGateway Development, C=MD",
            now, now + Lifetime));
        foreach (var agency in agencies)
        {
            pki.EnsureOne($"{agency}-gateway", () => CertificateFactory.CreateTls(
                ca, $"CN={agency}-gw, O={agency}, C=MD", $"{agency}-gw", now, now + Lifetime));
            pki.EnsureOne($"{agency}-signing", () => CertificateFactory.CreateSigning(
                ca, $"CN={agency} member signing, O={agency}, C=MD", now, now + Lifetime));
            pki.EnsureOne($"{agency}-client", () => CertificateFactory.CreateClient(
                ca, $"CN={agency} agency system, O={agency}, C=MD", now, now + Lifetime));
        }

        return pki;
    }

    /// <summary>Reads a certificate with its key, e.g. <c>migration-gateway</c>.</summary>
    public X509Certificate2 Read(string name) => PemFiles.Read(Directory, name);

    /// <summary>
    /// Without the CA's certificate and key nothing else can be trusted or reissued consistently: certificates
    /// issued by a lost CA are removed so that the whole PKI is made anew under one CA.
    /// </summary>
    private void ForgetOrphans()
    {
        if (!System.IO.Directory.Exists(Directory)
            || (File.Exists(Path.Combine(Directory, "ca.pem")) && File.Exists(Path.Combine(Directory, "ca.key"))))
        {
            return;
        }

        foreach (var file in System.IO.Directory.GetFiles(Directory, "*.pem")
                     .Concat(System.IO.Directory.GetFiles(Directory, "*.key")))
        {
            File.Delete(file);
        }
    }

    private X509Certificate2 EnsureOne(string name, Func<X509Certificate2> create)
    {
        if (File.Exists(Path.Combine(Directory, name + ".pem")) && File.Exists(Path.Combine(Directory, name + ".key")))
        {
            return PemFiles.Read(Directory, name);
        }

        var certificate = create();
        PemFiles.Write(Directory, name, certificate);
        return certificate;
    }
}
