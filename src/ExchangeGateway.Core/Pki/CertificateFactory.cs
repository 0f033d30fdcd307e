using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ExchangeGateway.Core.Pki;

/// <summary>
/// Issues ECDSA P-256 certificates with the extensions RFC 5280 expects of each role. Used for the development PKI
/// and by tests that need certificates the federation does not trust.
/// </summary>
public static class CertificateFactory
{
    /// <summary>OID of the TLS server authentication purpose.</summary>
    public const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";

    /// <summary>OID of the TLS client authentication purpose.</summary>
    public const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    /// <summary>OID of the time-stamping purpose, id-kp-timeStamping (RFC 3161 section 2.3).</summary>
    public const string TimeStamping = "1.3.6.1.5.5.7.3.8";

    /// <summary>Makes a self-signed CA certificate.</summary>
    public static X509Certificate2 CreateAuthority(string subject, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(notBefore, notAfter);
    }

    /// <summary>Makes a TLS certificate for a gateway: server and client authentication, loopback names.</summary>
    public static X509Certificate2 CreateTls(
        X509Certificate2 issuer, string subject, string dnsName, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(dnsName);
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        return Issue(issuer, subject, X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement,
            [ServerAuthentication, ClientAuthentication], names, notBefore, notAfter);
    }

    /// <summary>Makes a TLS client certificate for an agency system.</summary>
    public static X509Certificate2 CreateClient(
        X509Certificate2 issuer, string subject, DateTimeOffset notBefore, DateTimeOffset notAfter) =>
        Issue(issuer, subject, X509KeyUsageFlags.DigitalSignature, [ClientAuthentication], null, notBefore, notAfter);

    /// <summary>Makes a signing certificate (digital signature and non-repudiation, no extended usage).</summary>
    public static X509Certificate2 CreateSigning(
        X509Certificate2 issuer, string subject, DateTimeOffset notBefore, DateTimeOffset notAfter) =>
        Issue(issuer, subject, X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation,
            null, null, notBefore, notAfter);

    /// <summary>
    /// Makes a time-stamping authority's token-signing certificate: digital signature and non-repudiation, and the
    /// single extended key usage id-kp-timeStamping, marked critical as RFC 3161 section 2.3 requires.
    /// </summary>
    public static X509Certificate2 CreateTimestamping(
        X509Certificate2 issuer, string subject, DateTimeOffset notBefore, DateTimeOffset notAfter) =>
        Issue(issuer, subject, X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation,
            [TimeStamping], null, notBefore, notAfter, purposesCritical: true);

    /// <summary>
    /// A random positive serial number in minimal big-endian form (RFC 5280 4.1.2.2, X.690 8.3.2): the first
    /// byte is 0x40 to 0x7F, so it is neither a sign byte nor a redundant leading zero.
    /// </summary>
    internal static byte[] NewSerial(int length)
    {
        var serial = RandomNumberGenerator.GetBytes(length);
        serial[0] = (byte)((serial[0] & 0x3F) | 0x40);
        return serial;
    }

    private static X509Certificate2 Issue(
        X509Certificate2 issuer,
        string subject,
        X509KeyUsageFlags usage,
        string[]? purposes,
        SubjectAlternativeNameBuilder? names,
        DateTimeOffset notBefore,
        DateTimeOffset notAfter,
        bool purposesCritical = false)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(
            X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        if (purposes is not null)
        {
            var oids = new OidCollection();
            foreach (var purpose in purposes)
            {
                oids.Add(new Oid(purpose));
            }

            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(oids, purposesCritical));
        }

        if (names is not null)
        {
            request.CertificateExtensions.Add(names.Build());
        }

        var serial = NewSerial(16);
        // A certificate cannot outlive, or predate, its issuer (RFC 5280 section 6.1.3).
        var issuerStart = new DateTimeOffset(issuer.NotBefore.ToUniversalTime());
        var issuerEnd = new DateTimeOffset(issuer.NotAfter.ToUniversalTime());
        var start = notBefore > issuerStart ? notBefore : issuerStart;
        var end = notAfter < issuerEnd ? notAfter : issuerEnd;
        using var certificate = request.Create(issuer, start, end, serial);
        return certificate.CopyWithPrivateKey(key);
    }
}
