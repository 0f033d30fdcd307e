using System.Net;
using System.Runtime.Versioning;
using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Pki;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Core.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ExchangeGateway.Core.Tests.Pki;

public sealed class DevelopmentPkiTests
{
    private static readonly string[] Agencies = ["migration", "border"];

    private static readonly string[] Roles = ["gateway", "signing", "client"];

    [Fact]
    public void Ensure_EmptyFolder_CreatesCaAuthorityTsaAndThreeCertificatesPerAgency()
    {
        using var folder = new TempDirectory();

        var pki = DevelopmentPki.Ensure(folder.Path, Agencies, new FakeTimeProvider(TestTime.Now));

        Assert.Equal(folder.Path, pki.Directory);
        var expected = new[] { "ca", "authority", "tsa" }
            .Concat(Agencies.SelectMany(a => Roles.Select(r => $"{a}-{r}")))
            .SelectMany(name => new[] { name + ".pem", name + ".key" })
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Ensure_SecondCall_KeepsTheSameCertificatesAndKeys()
    {
        using var folder = new TempDirectory();
        var time = new FakeTimeProvider(TestTime.Now);
        DevelopmentPki.Ensure(folder.Path, Agencies, time);
        var before = ReadAllFiles(folder);

        time.Advance(TimeSpan.FromDays(10));
        var pki = DevelopmentPki.Ensure(folder.Path, Agencies, time);

        Assert.Equal(before, ReadAllFiles(folder));
        Assert.Equal(File.ReadAllText(folder.File("ca.pem")).Trim(), pki.Authority.ExportCertificatePem());
    }

    [Fact]
    public void Ensure_NewAgencyLater_AddsOnlyItsFilesUnderTheSameCa()
    {
        using var folder = new TempDirectory();
        var time = new FakeTimeProvider(TestTime.Now);
        DevelopmentPki.Ensure(folder.Path, ["migration"], time);
        var before = ReadAllFiles(folder);

        var pki = DevelopmentPki.Ensure(folder.Path, ["migration", "customs"], time);

        var after = ReadAllFiles(folder);
        Assert.All(before, file => Assert.Equal(file.Value, after[file.Key]));
        Assert.Equal(6, after.Count - before.Count);
        Assert.Null(CertificateChains.Validate(pki.Read("customs-signing"), [pki.Authority], TestTime.Now));
    }

    [Fact]
    public void Ensure_GatewayCertificate_HasServerAndClientUsageAndLoopbackNames()
    {
        using var folder = new TempDirectory();
        var pki = DevelopmentPki.Ensure(folder.Path, Agencies, new FakeTimeProvider(TestTime.Now));

        var gateway = pki.Read("migration-gateway");

        var usage = Assert.Single(gateway.Extensions.OfType<X509EnhancedKeyUsageExtension>());
        Assert.Equal(
            [CertificateFactory.ServerAuthentication, CertificateFactory.ClientAuthentication],
            usage.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Select(o => o.Value));
        var names = Assert.Single(gateway.Extensions.OfType<X509SubjectAlternativeNameExtension>());
        Assert.Equal(["migration-gw", "localhost"], names.EnumerateDnsNames());
        Assert.Equal([IPAddress.Loopback, IPAddress.IPv6Loopback], names.EnumerateIPAddresses());
        Assert.Equal("CN=migration-gw, O=migration, C=MD", gateway.Subject);
    }

    [Fact]
    public void Ensure_EveryCertificate_ChainsToTheCaForItsPurpose()
    {
        using var folder = new TempDirectory();
        var pki = DevelopmentPki.Ensure(folder.Path, Agencies, new FakeTimeProvider(TestTime.Now));
        X509Certificate2Collection ca = [pki.Authority];

        Assert.Null(CertificateChains.Validate(pki.ConfigurationAnchor, ca, TestTime.Now));
        Assert.Null(CertificateChains.Validate(pki.TimestampingAuthority, ca, TestTime.Now, null,
            CertificateFactory.TimeStamping));
        foreach (var agency in Agencies)
        {
            var gateway = pki.Read($"{agency}-gateway");
            Assert.Null(CertificateChains.Validate(gateway, ca, TestTime.Now, null,
                CertificateFactory.ServerAuthentication));
            Assert.Null(CertificateChains.Validate(gateway, ca, TestTime.Now, null,
                CertificateFactory.ClientAuthentication));
            Assert.Null(CertificateChains.Validate(pki.Read($"{agency}-signing"), ca, TestTime.Now));
            Assert.Null(CertificateChains.Validate(pki.Read($"{agency}-client"), ca, TestTime.Now, null,
                CertificateFactory.ClientAuthentication));
        }
    }

    [Fact]
    public void Ensure_TimestampingAuthority_CarriesItsKeyAndOnlyTheCriticalTimeStampingUsage()
    {
        using var folder = new TempDirectory();
        var pki = DevelopmentPki.Ensure(folder.Path, Agencies, new FakeTimeProvider(TestTime.Now));

        var tsa = pki.TimestampingAuthority;

        Assert.True(tsa.HasPrivateKey);
        var usage = Assert.Single(tsa.Extensions.OfType<X509EnhancedKeyUsageExtension>());
        Assert.True(usage.Critical);
        Assert.Equal(
            [CertificateFactory.TimeStamping], usage.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>()
                .Select(o => o.Value));
    }

    [Fact]
    public void Ensure_AgencyClientCertificate_IsNotAServerCertificate()
    {
        using var folder = new TempDirectory();
        var pki = DevelopmentPki.Ensure(folder.Path, Agencies, new FakeTimeProvider(TestTime.Now));

        Assert.NotNull(CertificateChains.Validate(pki.Read("border-client"), [pki.Authority], TestTime.Now, null,
            CertificateFactory.ServerAuthentication));
    }

    [Fact]
    public void Ensure_Certificates_AreValidFromFiveMinutesBeforeNow()
    {
        using var folder = new TempDirectory();
        var pki = DevelopmentPki.Ensure(folder.Path, Agencies, new FakeTimeProvider(TestTime.Now));
        var start = WholeSeconds(TestTime.Now.AddMinutes(-5));

        var ca = pki.Authority;
        var signing = pki.Read("migration-signing");

        Assert.Equal(start, WholeSeconds(ca.NotBefore));
        Assert.Equal(start.AddYears(5), WholeSeconds(ca.NotAfter));
        Assert.Equal(start, WholeSeconds(signing.NotBefore));
        Assert.Equal(start.AddDays(365), WholeSeconds(signing.NotAfter));
        Assert.Null(CertificateChains.Validate(signing, [ca], TestTime.Now));
        Assert.NotNull(CertificateChains.Validate(signing, [ca], start.AddSeconds(-1)));
    }

    [Fact]
    public void Read_Name_CarriesItsPrivateKeyButCaAndAnchorDoNot()
    {
        using var folder = new TempDirectory();
        var pki = DevelopmentPki.Ensure(folder.Path, Agencies, new FakeTimeProvider(TestTime.Now));

        Assert.True(pki.Read("border-signing").HasPrivateKey);
        Assert.True(pki.Read("ca").HasPrivateKey);
        Assert.False(pki.Authority.HasPrivateKey);
        Assert.False(pki.ConfigurationAnchor.HasPrivateKey);
        Assert.Equal(pki.Read("authority").RawData, pki.ConfigurationAnchor.RawData);
    }

    [Fact]
    public void Ensure_SigningCertificatesOfMembers_SignMessagesTheFederationAccepts()
    {
        using var folder = new TempDirectory();
        var pki = DevelopmentPki.Ensure(folder.Path, Agencies, new FakeTimeProvider(TestTime.Now));
        byte[] content = [1, 2, 3];

        var signature = new MessageSigner(pki.Read("migration-signing")).Sign(content);

        var check = SignatureVerifier.Verify(content, signature, [pki.Authority], TestTime.Now);
        Assert.True(check.IsValid, check.Failure);
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void Ensure_KeyFiles_AreReadableAndWritableByOwnerOnly()
    {
        using var folder = new TempDirectory();

        DevelopmentPki.Ensure(folder.Path, Agencies, new FakeTimeProvider(TestTime.Now));

        var keys = Directory.GetFiles(folder.Path, "*.key");
        Assert.Equal(9, keys.Length);
        Assert.All(keys, key =>
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key)));
    }

    [Fact]
    public void Ensure_CaKeyLostButIssuedFilesKept_LeavesEveryCertificateChainedToTheCa()
    {
        using var folder = new TempDirectory();
        var time = new FakeTimeProvider(TestTime.Now);
        DevelopmentPki.Ensure(folder.Path, Agencies, time);
        File.Delete(folder.File("ca.key"));

        var pki = DevelopmentPki.Ensure(folder.Path, Agencies, time);

        Assert.Null(CertificateChains.Validate(pki.Read("migration-signing"), [pki.Authority], TestTime.Now));
    }

    private static Dictionary<string, byte[]> ReadAllFiles(TempDirectory folder) =>
        Directory.GetFiles(folder.Path).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

    private static DateTimeOffset WholeSeconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static DateTimeOffset WholeSeconds(DateTime time) =>
        WholeSeconds(new DateTimeOffset(time.ToUniversalTime()));
}
