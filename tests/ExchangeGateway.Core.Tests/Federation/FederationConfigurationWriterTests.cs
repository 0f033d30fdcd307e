using System.Text.Json;
using ExchangeGateway.Core.Federation;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Core.Tests.Support;

namespace ExchangeGateway.Core.Tests.Federation;

public sealed class FederationConfigurationWriterTests
{
    [Fact]
    public void Serialise_Document_WritesCamelCaseProperties()
    {
        using var json = JsonDocument.Parse(FederationConfigurationWriter.Serialise(TestFederation.Document()));

        Assert.Equal(
            ["instance", "serial", "issuedAt", "expiresAt", "certificateAuthorities", "members", "gateways",
                "revokedCertificates", "timestampingAuthorities"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["id", "name", "subsystems", "signingCertificates"],
            json.RootElement.GetProperty("members")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["name", "owner", "address", "tlsCertificates"],
            json.RootElement.GetProperty("gateways")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["name", "url", "certificates"],
            json.RootElement.GetProperty("timestampingAuthorities")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Serialise_SameDocumentTwice_GivesSameBytes()
    {
        Assert.Equal(
            FederationConfigurationWriter.Serialise(TestFederation.Document()),
            FederationConfigurationWriter.Serialise(TestFederation.Document()));
    }

    [Fact]
    public void Serialise_ThenRead_KeepsEveryField()
    {
        var document = TestFederation.Document();

        var read = TestFederation.Read(document).Document;

        Assert.Equal(document.Instance, read.Instance);
        Assert.Equal(document.Serial, read.Serial);
        Assert.Equal(document.IssuedAt, read.IssuedAt);
        Assert.Equal(document.ExpiresAt, read.ExpiresAt);
        Assert.Equal(document.CertificateAuthorities, read.CertificateAuthorities);
        Assert.Equal(document.RevokedCertificates, read.RevokedCertificates);
        Assert.Equal(document.Members.Select(m => (m.Id, m.Name)), read.Members.Select(m => (m.Id, m.Name)));
        Assert.Equal(document.Members.SelectMany(m => m.Subsystems), read.Members.SelectMany(m => m.Subsystems));
        Assert.Equal(
            document.Members.SelectMany(m => m.SigningCertificates),
            read.Members.SelectMany(m => m.SigningCertificates));
        Assert.Equal(
            document.Gateways.Select(g => (g.Name, g.Owner, g.Address)),
            read.Gateways.Select(g => (g.Name, g.Owner, g.Address)));
        Assert.Equal(
            document.Gateways.SelectMany(g => g.TlsCertificates),
            read.Gateways.SelectMany(g => g.TlsCertificates));
        Assert.Equal(
            document.TimestampingAuthorities.Select(t => (t.Name, t.Url, string.Join(',', t.Certificates))),
            read.TimestampingAuthorities.Select(t => (t.Name, t.Url, string.Join(',', t.Certificates))));
    }

    [Fact]
    public void Sign_DocumentBytes_VerifiesAsSignedByTheAuthority()
    {
        var bytes = FederationConfigurationWriter.Serialise(TestFederation.Document());

        var signature = FederationConfigurationWriter.Sign(
            bytes, new MessageSigner(TestCertificates.ConfigurationAnchor));

        var check = SignatureVerifier.Verify(bytes, signature, TestCertificates.Authorities, TestTime.Now);
        Assert.True(check.IsValid, check.Failure);
        Assert.Equal(TestCertificates.ConfigurationAnchor.RawData, check.Signer.RawData);
    }

    [Fact]
    public void Sign_NullSigner_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => FederationConfigurationWriter.Sign([1], null!));
    }
}
