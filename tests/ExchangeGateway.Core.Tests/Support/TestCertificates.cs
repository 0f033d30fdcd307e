using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Pki;

namespace ExchangeGateway.Core.Tests.Support;

/// <summary>
/// The certificates shared by the tests, made once per run: the federation CA and what it issued, a foreign CA
/// the federation does not trust, and certificates that are registered but revoked.
/// </summary>
internal static class TestCertificates
{
    public static readonly DateTimeOffset ValidFrom = TestTime.Now.AddDays(-30);

    public static readonly DateTimeOffset ValidUntil = TestTime.Now.AddDays(365);

    public static X509Certificate2 FederationCa { get; } = CertificateFactory.CreateAuthority(
        "CN=Test Federation CA, O=ExchangeGateway Tests, C=MD", ValidFrom, ValidUntil);

    public static X509Certificate2 ForeignCa { get; } = CertificateFactory.CreateAuthority(
        "CN=Foreign CA, O=Elsewhere, C=XX", ValidFrom, ValidUntil);

    public static X509Certificate2 ConfigurationAnchor { get; } = Signing("CN=Test Governing Authority");

    public static X509Certificate2 OtherAuthority { get; } = Signing("CN=Impostor Authority");

    public static X509Certificate2 ProviderSigning { get; } = Signing("CN=Migration member signing");

    public static X509Certificate2 ClientSigning { get; } = Signing("CN=Border member signing");

    public static X509Certificate2 RevokedSigning { get; } = Signing("CN=Revoked member signing");

    public static X509Certificate2 UnregisteredSigning { get; } = Signing("CN=Unregistered signing");

    public static X509Certificate2 TimestampingSigning { get; } = CertificateFactory.CreateTimestamping(
        FederationCa, "CN=Test Time-Stamping Authority", ValidFrom, ValidUntil);

    public static X509Certificate2 ForeignSigning { get; } = CertificateFactory.CreateSigning(
        ForeignCa, "CN=Foreign signing", ValidFrom, ValidUntil);

    public static X509Certificate2 ProviderTls { get; } = Tls("migration-gw");

    public static X509Certificate2 ProviderSecondTls { get; } = Tls("migration-gw-2");

    public static X509Certificate2 ClientTls { get; } = Tls("border-gw");

    public static X509Certificate2 RevokedTls { get; } = Tls("revoked-gw");

    /// <summary>A new collection each time, so that no test can change what another trusts.</summary>
    public static X509Certificate2Collection Authorities => [FederationCa];

    /// <summary>A federation signing certificate that expired ten days before <see cref="TestTime.Now"/>.</summary>
    public static X509Certificate2 CreateExpiredSigning() => CertificateFactory.CreateSigning(
        FederationCa, "CN=Expired member signing", TestTime.Now.AddDays(-20), TestTime.Now.AddDays(-10));

    private static X509Certificate2 Signing(string subject) =>
        CertificateFactory.CreateSigning(FederationCa, subject, ValidFrom, ValidUntil);

    private static X509Certificate2 Tls(string name) =>
        CertificateFactory.CreateTls(FederationCa, $"CN={name}", name, ValidFrom, ValidUntil);
}
