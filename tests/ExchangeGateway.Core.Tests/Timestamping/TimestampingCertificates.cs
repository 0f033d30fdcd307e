using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Pki;
using ExchangeGateway.Core.Tests.Support;

namespace ExchangeGateway.Core.Tests.Timestamping;

/// <summary>Token-signing certificates for the time-stamping tests, good and bad in one way each.</summary>
internal static class TimestampingCertificates
{
    public static X509Certificate2 Tsa { get; } = Timestamping(TestCertificates.FederationCa, "CN=Test TSA");

    public static X509Certificate2 SecondTsa { get; } = Timestamping(TestCertificates.FederationCa, "CN=Second TSA");

    /// <summary>Issued by the federation CA, but registered to no authority.</summary>
    public static X509Certificate2 UnregisteredTsa { get; } =
        Timestamping(TestCertificates.FederationCa, "CN=Unregistered TSA");

    /// <summary>Registered, but issued by a CA the federation does not trust.</summary>
    public static X509Certificate2 ForeignTsa { get; } = Timestamping(TestCertificates.ForeignCa, "CN=Foreign TSA");

    /// <summary>Registered and revoked.</summary>
    public static X509Certificate2 RevokedTsa { get; } = Timestamping(TestCertificates.FederationCa, "CN=Revoked TSA");

    /// <summary>Registered, from the federation CA, but a member signing certificate: no extended key usage.</summary>
    public static X509Certificate2 NoPurpose { get; } = CertificateFactory.CreateSigning(
        TestCertificates.FederationCa, "CN=TSA without purpose", TestCertificates.ValidFrom,
        TestCertificates.ValidUntil);

    /// <summary>Registered, from the federation CA, with id-kp-timeStamping not marked critical.</summary>
    public static X509Certificate2 NonCriticalPurpose { get; } = WithPurpose("CN=TSA with non-critical purpose",
        critical: false, CertificateFactory.TimeStamping);

    /// <summary>Registered, from the federation CA, critical but also for TLS clients.</summary>
    public static X509Certificate2 SharedPurpose { get; } = WithPurpose("CN=TSA with shared purpose",
        critical: true, CertificateFactory.TimeStamping, CertificateFactory.ClientAuthentication);

    private static X509Certificate2 Timestamping(X509Certificate2 issuer, string subject) =>
        CertificateFactory.CreateTimestamping(issuer, subject, TestCertificates.ValidFrom, TestCertificates.ValidUntil);

    private static X509Certificate2 WithPurpose(string subject, bool critical, params string[] purposes)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        var oids = new OidCollection();
        foreach (var purpose in purposes)
        {
            oids.Add(new Oid(purpose));
        }

        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(oids, critical));
        request.CertificateExtensions.Add(
            X509AuthorityKeyIdentifierExtension.CreateFromCertificate(TestCertificates.FederationCa, true, false));
        using var certificate = request.Create(TestCertificates.FederationCa, TestCertificates.ValidFrom,
            TestCertificates.ValidUntil, CertificateFactory.NewSerial(16));
        return certificate.CopyWithPrivateKey(key);
    }
}
