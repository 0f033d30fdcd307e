using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Pki;
using ExchangeGateway.Core.Tests.Support;

namespace ExchangeGateway.Core.Tests.Pki;

public sealed class CertificateFactoryTests
{
    private static readonly DateTimeOffset From = TestCertificates.ValidFrom;

    private static readonly DateTimeOffset Until = TestCertificates.ValidUntil;

    [Fact]
    public void CreateAuthority_Subject_IsSelfSignedCaWithCertificateSigningUsage()
    {
        var ca = CertificateFactory.CreateAuthority("CN=Some CA, C=MD", From, Until);

        Assert.Equal("CN=Some CA, C=MD", ca.Subject);
        Assert.Equal(ca.Subject, ca.Issuer);
        Assert.True(ca.HasPrivateKey);
        var constraints = Assert.Single(ca.Extensions.OfType<X509BasicConstraintsExtension>());
        Assert.True(constraints.CertificateAuthority);
        Assert.True(constraints.Critical);
        var usage = Assert.Single(ca.Extensions.OfType<X509KeyUsageExtension>());
        Assert.Equal(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, usage.KeyUsages);
        Assert.Single(ca.Extensions.OfType<X509SubjectKeyIdentifierExtension>());
    }

    [Fact]
    public void CreateSigning_Issuer_IsEndEntityWithSignatureUsageOnly()
    {
        var signing = TestCertificates.ClientSigning;

        Assert.Equal(TestCertificates.FederationCa.Subject, signing.Issuer);
        Assert.False(Assert.Single(signing.Extensions.OfType<X509BasicConstraintsExtension>()).CertificateAuthority);
        Assert.Equal(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation,
            Assert.Single(signing.Extensions.OfType<X509KeyUsageExtension>()).KeyUsages);
        Assert.Empty(signing.Extensions.OfType<X509EnhancedKeyUsageExtension>());
        Assert.Empty(signing.Extensions.OfType<X509SubjectAlternativeNameExtension>());
        using var key = signing.GetECDsaPrivateKey();
        Assert.NotNull(key);
        Assert.Equal(256, key.KeySize);
    }

    [Fact]
    public void CreateSigning_Issuer_NamesIssuerKeyInAuthorityKeyIdentifier()
    {
        var issuerKey = Assert.Single(
            TestCertificates.FederationCa.Extensions.OfType<X509SubjectKeyIdentifierExtension>());

        var authorityKey = Assert.Single(
            TestCertificates.ClientSigning.Extensions.OfType<X509AuthorityKeyIdentifierExtension>());

        Assert.Equal(issuerKey.SubjectKeyIdentifierBytes.ToArray(), authorityKey.KeyIdentifier!.Value.ToArray());
    }

    [Fact]
    public void CreateTls_Issuer_HasServerAndClientUsageAndNames()
    {
        var tls = CertificateFactory.CreateTls(TestCertificates.FederationCa, "CN=gw", "gw.example", From, Until);

        var usage = Assert.Single(tls.Extensions.OfType<X509EnhancedKeyUsageExtension>());
        Assert.Equal(
            [CertificateFactory.ServerAuthentication, CertificateFactory.ClientAuthentication],
            usage.EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value));
        var names = Assert.Single(tls.Extensions.OfType<X509SubjectAlternativeNameExtension>());
        Assert.Equal(["gw.example", "localhost"], names.EnumerateDnsNames());
        Assert.Equal(2, names.EnumerateIPAddresses().Count());
    }

    [Fact]
    public void CreateClient_Issuer_HasClientUsageOnlyAndNoNames()
    {
        var client = CertificateFactory.CreateClient(TestCertificates.FederationCa, "CN=agency", From, Until);

        var usage = Assert.Single(client.Extensions.OfType<X509EnhancedKeyUsageExtension>());
        Assert.Equal(
            [CertificateFactory.ClientAuthentication], usage.EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value));
        Assert.Empty(client.Extensions.OfType<X509SubjectAlternativeNameExtension>());
    }

    [Fact]
    public void CreateTimestamping_Issuer_HasCriticalTimeStampingUsageOnly()
    {
        var tsa = CertificateFactory.CreateTimestamping(TestCertificates.FederationCa, "CN=tsa", From, Until);

        var usage = Assert.Single(tsa.Extensions.OfType<X509EnhancedKeyUsageExtension>());
        Assert.True(usage.Critical);
        Assert.Equal([CertificateFactory.TimeStamping], usage.EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value));
        Assert.Equal(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation,
            Assert.Single(tsa.Extensions.OfType<X509KeyUsageExtension>()).KeyUsages);
    }

    [Fact]
    public void CreateTls_Issuer_PurposesAreNotCritical()
    {
        Assert.False(Assert.Single(TestCertificates.ProviderTls.Extensions.OfType<X509EnhancedKeyUsageExtension>())
            .Critical);
    }

    [Fact]
    public void CreateSigning_NotAfterBeyondIssuer_IsCutToIssuerNotAfter()
    {
        var signing = CertificateFactory.CreateSigning(
            TestCertificates.FederationCa, "CN=long-lived", From, Until.AddYears(10));

        Assert.Equal(TestCertificates.FederationCa.NotAfter, signing.NotAfter);
    }

    [Fact]
    public void CreateSigning_TwoCertificates_HavePositiveDistinctSerials()
    {
        var first = CertificateFactory.CreateSigning(TestCertificates.FederationCa, "CN=one", From, Until);
        var second = CertificateFactory.CreateSigning(TestCertificates.FederationCa, "CN=one", From, Until);

        Assert.NotEqual(first.SerialNumber, second.SerialNumber);
        Assert.InRange(first.SerialNumberBytes.Length, 1, 16);
        Assert.True(first.SerialNumberBytes.Span[0] < 0x80, "the serial, big-endian, keeps the sign bit clear");
    }
}
