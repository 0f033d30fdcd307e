using ExchangeGateway.Core.Pki;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Core.Tests.Support;

namespace ExchangeGateway.Core.Tests.Signing;

public sealed class CertificateChainsTests
{
    [Fact]
    public void Validate_IssuedByAuthority_ReturnsNull()
    {
        Assert.Null(CertificateChains.Validate(
            TestCertificates.ClientSigning, TestCertificates.Authorities, TestTime.Now));
    }

    [Fact]
    public void Validate_IssuedByOtherCa_SaysItDoesNotChain()
    {
        var failure = CertificateChains.Validate(
            TestCertificates.ForeignSigning, TestCertificates.Authorities, TestTime.Now);

        Assert.StartsWith("certificate 'CN=Foreign signing' does not chain to a federation CA", failure,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SelfSignedLookalikeOfAuthority_SaysItDoesNotChain()
    {
        var lookalike = CertificateFactory.CreateAuthority(
            TestCertificates.FederationCa.Subject, TestCertificates.ValidFrom, TestCertificates.ValidUntil);
        var issued = CertificateFactory.CreateSigning(
            lookalike, "CN=Issued by lookalike", TestCertificates.ValidFrom, TestCertificates.ValidUntil);

        var failure = CertificateChains.Validate(issued, TestCertificates.Authorities, TestTime.Now);

        Assert.NotNull(failure);
        Assert.Contains("does not chain to a federation CA", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-31)]
    [InlineData(366)]
    public void Validate_OutsideValidity_SaysWhenItIsValid(int days)
    {
        var failure = CertificateChains.Validate(
            TestCertificates.ClientSigning, TestCertificates.Authorities, TestTime.Now.AddDays(days));

        Assert.StartsWith("certificate 'CN=Border member signing' is not valid at", failure, StringComparison.Ordinal);
        Assert.Contains("(valid ", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CertificateFactory.ServerAuthentication)]
    [InlineData(CertificateFactory.ClientAuthentication)]
    public void Validate_TlsCertificateWithRequiredUsage_ReturnsNull(string usage)
    {
        Assert.Null(CertificateChains.Validate(
            TestCertificates.ProviderTls, TestCertificates.Authorities, TestTime.Now, requiredUsageOid: usage));
    }

    [Fact]
    public void Validate_ClientCertificateForServerUsage_ReturnsReason()
    {
        var client = CertificateFactory.CreateClient(
            TestCertificates.FederationCa, "CN=Agency system", TestCertificates.ValidFrom, TestCertificates.ValidUntil);

        var failure = CertificateChains.Validate(
            client, TestCertificates.Authorities, TestTime.Now,
            requiredUsageOid: CertificateFactory.ServerAuthentication);

        Assert.NotNull(failure);
        Assert.Null(CertificateChains.Validate(
            client, TestCertificates.Authorities, TestTime.Now,
            requiredUsageOid: CertificateFactory.ClientAuthentication));
    }
}
