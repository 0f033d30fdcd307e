using ExchangeGateway.Core.Identifiers;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Core.Tests.Support;

namespace ExchangeGateway.Core.Tests.Federation;

public sealed class FederationConfigurationTests
{
    private static readonly MemberId Provider = MemberId.Parse(TestFederation.ProviderMember);

    private static readonly MemberId Client = MemberId.Parse(TestFederation.ClientMember);

    [Fact]
    public void GatewayByTlsCertificate_Registered_ReturnsItsGateway()
    {
        var configuration = TestFederation.Read();

        var gateway = configuration.GatewayByTlsCertificate(TestCertificates.ProviderSecondTls);

        Assert.NotNull(gateway);
        Assert.Equal("migration-gw-2", gateway.Name);
        Assert.Equal(Provider, gateway.Owner);
        Assert.Equal(new Uri("https://127.0.0.1:5202"), gateway.Address);
    }

    [Fact]
    public void GatewayByTlsCertificate_NotRegistered_ReturnsNull()
    {
        var configuration = TestFederation.Read();

        Assert.Null(configuration.GatewayByTlsCertificate(TestCertificates.ClientSigning));
        Assert.Null(configuration.GatewayByTlsCertificate(TestCertificates.FederationCa));
    }

    [Fact]
    public void GatewayByTlsCertificate_RegisteredButRevoked_ReturnsNull()
    {
        var configuration = TestFederation.Read();

        Assert.Null(configuration.GatewayByTlsCertificate(TestCertificates.RevokedTls));
        Assert.True(configuration.IsRevoked(TestCertificates.RevokedTls));
        Assert.False(configuration.IsRevoked(TestCertificates.ProviderTls));
    }

    [Fact]
    public void GatewayByTlsCertificate_RevocationWrittenWithColonsInUpperCase_StillRevokes()
    {
        var fingerprint = Fingerprint.Of(TestCertificates.ProviderTls);
        var written = string.Join(':', fingerprint.Chunk(2).Select(pair => new string(pair))).ToUpperInvariant();
        var configuration = TestFederation.Read(TestFederation.Document() with { RevokedCertificates = [written] });

        Assert.Null(configuration.GatewayByTlsCertificate(TestCertificates.ProviderTls));
        Assert.NotNull(configuration.GatewayByTlsCertificate(TestCertificates.ProviderSecondTls));
    }

    [Fact]
    public void MemberBySigningCertificate_Registered_ReturnsItsMember()
    {
        var configuration = TestFederation.Read();

        Assert.Equal(Client, configuration.MemberBySigningCertificate(TestCertificates.ClientSigning));
        Assert.Equal(Provider, configuration.MemberBySigningCertificate(TestCertificates.ProviderSigning));
    }

    [Fact]
    public void MemberBySigningCertificate_NotRegistered_ReturnsNull()
    {
        var configuration = TestFederation.Read();

        Assert.Null(configuration.MemberBySigningCertificate(TestCertificates.UnregisteredSigning));
        Assert.Null(configuration.MemberBySigningCertificate(TestCertificates.ClientTls));
    }

    [Fact]
    public void MemberBySigningCertificate_RegisteredButRevoked_ReturnsNull()
    {
        var configuration = TestFederation.Read();

        Assert.Null(configuration.MemberBySigningCertificate(TestCertificates.RevokedSigning));
        Assert.True(configuration.IsRevoked(TestCertificates.RevokedSigning));
    }

    [Theory]
    [InlineData(TestFederation.ProviderSubsystem, true)]
    [InlineData(TestFederation.ClientSubsystem, true)]
    [InlineData(TestFederation.ClientMember + "/visa-desk", true)]
    [InlineData(TestFederation.ProviderMember + "/border-control", false)]
    [InlineData(TestFederation.ClientMember + "/Border-control", false)]
    [InlineData("MD/GOV/9999999999999/border-control", false)]
    public void HasSubsystem_ListedOnlyUnderItsOwnMember(string subsystem, bool listed)
    {
        var configuration = TestFederation.Read();

        Assert.Equal(listed, configuration.HasSubsystem(SubsystemId.Parse(subsystem)));
    }

    [Fact]
    public void HasMember_ListedAndUnlisted()
    {
        var configuration = TestFederation.Read();

        Assert.True(configuration.HasMember(Client));
        Assert.False(configuration.HasMember(MemberId.Parse("MD/GOV/9999999999999")));
    }

    [Fact]
    public void GatewaysOf_Member_ReturnsItsGatewaysInListedOrder()
    {
        var configuration = TestFederation.Read();

        Assert.Equal(["migration-gw", "migration-gw-2"], configuration.GatewaysOf(Provider).Select(g => g.Name));
        Assert.Equal(["border-gw"], configuration.GatewaysOf(Client).Select(g => g.Name));
    }

    [Fact]
    public void GatewaysOf_MemberWithoutGateway_ReturnsEmpty()
    {
        var configuration = TestFederation.Read();

        Assert.Empty(configuration.GatewaysOf(MemberId.Parse("MD/GOV/9999999999999")));
    }

    [Fact]
    public void TimestampingAuthorities_AsListed_InOrder()
    {
        var configuration = TestFederation.Read();

        var authority = Assert.Single(configuration.TimestampingAuthorities);
        Assert.Equal("tsa-1", authority.Name);
        Assert.Equal(new Uri("http://127.0.0.1:7180/"), authority.Url);
        Assert.Equal([Fingerprint.Of(TestCertificates.TimestampingSigning)], authority.Certificates);
    }

    [Fact]
    public void TimestampingAuthorityByCertificate_Registered_ReturnsItsAuthority()
    {
        var configuration = TestFederation.Read();

        Assert.Equal("tsa-1",
            configuration.TimestampingAuthorityByCertificate(TestCertificates.TimestampingSigning)?.Name);
        Assert.Null(configuration.TimestampingAuthorityByCertificate(TestCertificates.ProviderSigning));
    }

    [Fact]
    public void TimestampingAuthorityByCertificate_RegisteredButRevoked_ReturnsNull()
    {
        var document = TestFederation.Document();
        var configuration = TestFederation.Read(document with
        {
            RevokedCertificates =
                [.. document.RevokedCertificates, Fingerprint.Of(TestCertificates.TimestampingSigning)],
        });

        Assert.Null(configuration.TimestampingAuthorityByCertificate(TestCertificates.TimestampingSigning));
    }

    [Fact]
    public void IsExpired_AtAndAfterExpiry_TrueBeforeFalse()
    {
        var configuration = TestFederation.Read();
        var expiresAt = configuration.ExpiresAt;

        Assert.False(configuration.IsExpired(expiresAt.AddTicks(-1)));
        Assert.True(configuration.IsExpired(expiresAt));
        Assert.True(configuration.IsExpired(expiresAt.AddDays(1)));
        Assert.False(configuration.IsExpired(TestTime.Now));
    }
}
