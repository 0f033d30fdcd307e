using System.Net;
using ExchangeGateway.Core.Pki;
using ExchangeGateway.Host.Configuration;

namespace ExchangeGateway.Host.Tests.Configuration;

public sealed class AuditSettingsTests
{
    private static readonly string Hash = new('a', 64);

    private static readonly IPEndPoint Client = IPEndPoint.Parse("127.0.0.1:7101");

    private static readonly IPEndPoint Exchange = IPEndPoint.Parse("127.0.0.1:7102");

    [Fact]
    public void AuditSection_WithBadRoleHashNameAndAddress_IsRefused_ReportingEveryError()
    {
        var settings = new GatewaySettings
        {
            Audit = new AuditSettings
            {
                Address = "not-an-address",
                Keys =
                [
                    new AuditKeySettings { Name = "auditor-1", Role = "admin", Sha256 = Hash },
                    new AuditKeySettings { Name = "auditor-2", Role = "auditor", Sha256 = "abc" },
                    new AuditKeySettings { Name = "auditor-3", Role = "observer", Sha256 = new string('g', 64) },
                    new AuditKeySettings { Name = "bad name", Role = "auditor", Sha256 = new string('b', 64) },
                    new AuditKeySettings { Name = "auditor-1", Role = "observer", Sha256 = new string('c', 64) },
                    new AuditKeySettings { Name = "auditor-5", Role = "observer", Sha256 = new string('c', 64) },
                ],
            },
        };

        Assert.False(GatewaySettingsReader.TryBuild(settings, Path.GetTempPath(), out _, out var errors));

        var all = string.Join("\n", errors);
        Assert.Contains("audit.address 'not-an-address'", all, StringComparison.Ordinal);
        Assert.Contains("audit.keys[0].role 'admin': must be auditor, security-officer or observer", all,
            StringComparison.Ordinal);
        Assert.Contains("audit.keys[1].sha256", all, StringComparison.Ordinal);
        Assert.Contains("audit.keys[2].sha256", all, StringComparison.Ordinal);
        Assert.Contains("audit.keys[3].name", all, StringComparison.Ordinal);
        Assert.Contains("audit.keys: name 'auditor-1' listed twice", all, StringComparison.Ordinal);
        Assert.Contains("one key is listed twice, as auditor-1 and auditor-5", all, StringComparison.Ordinal);
    }

    [Fact]
    public void AuditSection_WithoutKeys_IsRefused()
    {
        var settings = new GatewaySettings { Audit = new AuditSettings() };

        Assert.False(GatewaySettingsReader.TryBuild(settings, Path.GetTempPath(), out _, out var errors));

        Assert.Contains(errors, e => e.StartsWith("audit.keys: at least one key", StringComparison.Ordinal));
    }

    [Fact]
    public void AuditSection_WithoutAddress_IsRefused_InsteadOfTakingARandomPort()
    {
        var settings = new GatewaySettings { Audit = Section("") };

        Assert.False(GatewaySettingsReader.TryBuild(settings, Path.GetTempPath(), out _, out var errors));

        Assert.Contains("audit.address: must be set, e.g. 127.0.0.1:7104", errors);
    }

    [Theory]
    [InlineData("127.0.0.1:7101", "the same address and port as clientEndpoint.address '127.0.0.1:7101'")]
    [InlineData("127.0.0.1:7102", "the same address and port as exchangeEndpoint '127.0.0.1:7102'")]
    [InlineData("0.0.0.0:7101", "the same port as clientEndpoint.address '127.0.0.1:7101', on an address that")]
    [InlineData("[::]:7102", "the same port as exchangeEndpoint '127.0.0.1:7102', on an address that")]
    public void AuditAddress_OnTheClientOrExchangeEndpoint_IsRefused_NamingBoth(string address, string clash)
    {
        var errors = new List<string>();

        var options = AuditSettingsCheck.Build(Section(address), Client, Exchange, errors);

        Assert.Null(options);
        Assert.StartsWith($"audit.address '{address}': {clash}", errors.Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:7104")]
    [InlineData("127.0.0.2:7101")]
    [InlineData("[::1]:7101")]
    public void AuditAddress_OfItsOwn_IsAccepted(string address)
    {
        var errors = new List<string>();

        var options = AuditSettingsCheck.Build(Section(address), Client, Exchange, errors);

        Assert.Empty(errors);
        Assert.Equal(IPEndPoint.Parse(address), options?.Endpoint);
    }

    [Fact]
    public void AuditPortZero_NeverClashes_ItIsAFreePortEachTime()
    {
        var errors = new List<string>();
        var zero = IPEndPoint.Parse("127.0.0.1:0");

        Assert.NotNull(AuditSettingsCheck.Build(Section("127.0.0.1:0"), zero, zero, errors));
        Assert.Empty(errors);
    }

    [Fact]
    public void SettingsFile_WithAuditSection_GivesAuditOptions_AndTheArchiveFolderBesideTheSettings()
    {
        var directory = Path.Combine(Path.GetTempPath(), "exgw-audit-settings-" + Guid.NewGuid().ToString("N"));
        try
        {
            var withAudit = Read(directory, $$"""
                , "audit": { "address": "127.0.0.1:0", "keys": [
                  { "name": "auditor-1", "role": "auditor", "sha256": "{{Hash}}" },
                  { "name": "watcher", "role": "observer", "sha256": "{{Hash.ToUpperInvariant().Replace('A', 'B')}}" }
                ] }
                """);
            var without = Read(directory, "");

            Assert.NotNull(withAudit.Audit);
            Assert.Equal(0, withAudit.Audit.Endpoint.Port);
            Assert.Equal(["auditor-1", "watcher"], withAudit.Audit.Keys.Select(k => k.Name));
            Assert.Equal([AuditRole.Auditor, AuditRole.Observer], withAudit.Audit.Keys.Select(k => k.Role));
            Assert.Equal(Convert.FromHexString(Hash), withAudit.Audit.Keys[0].Sha256);
            Assert.Equal(Path.Combine(directory, "archives"), withAudit.Archiving.Directory);
            Assert.Null(without.Audit);
            Assert.Equal(Path.Combine(directory, "archives"), without.Archiving.Directory);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static AuditSettings Section(string address) => new()
    {
        Address = address,
        Keys = [new AuditKeySettings { Name = "auditor-1", Role = "auditor", Sha256 = Hash }],
    };

    private static GatewayOptions Read(string directory, string audit)
    {
        DevelopmentPki.Ensure(Path.Combine(directory, "pki"), ["alpha"], TimeProvider.System);
        foreach (var file in new[] { "federation.json", "federation.json.p7s" })
        {
            File.WriteAllText(Path.Combine(directory, file), "");
        }

        var path = Path.Combine(directory, "gateway.json");
        File.WriteAllText(path, $$"""
            {
              "name": "alpha-gw", "member": "MD/GOV/1000000000001",
              "tlsCertificate": { "certificate": "pki/alpha-gateway.pem", "key": "pki/alpha-gateway.key" },
              "signingCertificate": { "certificate": "pki/alpha-signing.pem", "key": "pki/alpha-signing.key" },
              "federation": { "document": "federation.json", "signature": "federation.json.p7s",
                "anchor": "pki/authority.pem" },
              "messageLog": "logs/messagelog.db"
              {{audit}}
            }
            """);
        Assert.True(GatewaySettingsReader.TryRead(path, out var options, out var errors), string.Join("\n", errors));
        return options;
    }
}
