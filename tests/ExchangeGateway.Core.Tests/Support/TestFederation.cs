using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Federation;
using ExchangeGateway.Core.Signing;

namespace ExchangeGateway.Core.Tests.Support;

/// <summary>
/// A small federation of two members, a migration registry (the provider) and border control (the client), as the
/// governing authority would write and sign it.
/// </summary>
internal static class TestFederation
{
    public const string Instance = "MD";

    public const string ProviderMember = "MD/GOV/1006601000037";

    public const string ClientMember = "MD/GOV/1012601000025";

    public const string ProviderSubsystem = ProviderMember + "/foreigners-registry";

    public const string ClientSubsystem = ClientMember + "/border-control";

    public const string Service = ProviderSubsystem + ":migration.v1.ResidencePermits";

    public const string Method = "GetPermit";

    public static X509Certificate2Collection Anchors => [TestCertificates.ConfigurationAnchor];

    public static FederationDocument Document() => new()
    {
        Instance = Instance,
        Serial = 7,
        IssuedAt = TestTime.Now.AddDays(-1),
        ExpiresAt = TestTime.Now.AddDays(1),
        CertificateAuthorities = [TestCertificates.FederationCa.ExportCertificatePem()],
        Members =
        [
            new MemberEntry
            {
                Id = ProviderMember,
                Name = "Inspectoratul General pentru Migra\u021bie",
                Subsystems = ["foreigners-registry"],
                SigningCertificates =
                [
                    Fingerprint.Of(TestCertificates.ProviderSigning),
                    Fingerprint.Of(TestCertificates.RevokedSigning),
                ],
            },
            new MemberEntry
            {
                Id = ClientMember,
                Name = "Poli\u021bia de Frontier\u0103",
                Subsystems = ["border-control", "visa-desk"],
                SigningCertificates = [Fingerprint.Of(TestCertificates.ClientSigning)],
            },
        ],
        Gateways =
        [
            Gateway("migration-gw", ProviderMember, 5201, TestCertificates.ProviderTls, TestCertificates.RevokedTls),
            Gateway("migration-gw-2", ProviderMember, 5202, TestCertificates.ProviderSecondTls),
            Gateway("border-gw", ClientMember, 5101, TestCertificates.ClientTls),
        ],
        RevokedCertificates =
        [
            Fingerprint.Of(TestCertificates.RevokedSigning),
            Fingerprint.Of(TestCertificates.RevokedTls),
        ],
        TimestampingAuthorities =
        [
            new TimestampingAuthorityEntry
            {
                Name = "tsa-1",
                Url = "http://127.0.0.1:7180/",
                Certificates = [Fingerprint.Of(TestCertificates.TimestampingSigning)],
            },
        ],
    };

    /// <summary>Serialises and signs <paramref name="document"/> as the authority does.</summary>
    public static (byte[] Bytes, byte[] Signature) Sign(FederationDocument document, X509Certificate2? signer = null)
    {
        var bytes = FederationConfigurationWriter.Serialise(document);
        return (bytes, SignBytes(bytes, signer));
    }

    /// <summary>Signs document bytes as they are, well-formed or not.</summary>
    public static byte[] SignBytes(byte[] bytes, X509Certificate2? signer = null) =>
        FederationConfigurationWriter.Sign(bytes, new MessageSigner(signer ?? TestCertificates.ConfigurationAnchor));

    /// <summary>Signs and reads <paramref name="document"/>, failing the test when the reader refuses it.</summary>
    public static FederationConfiguration Read(FederationDocument? document = null)
    {
        var (bytes, signature) = Sign(document ?? Document());
        var read = FederationConfigurationReader.TryRead(
            bytes, signature, Anchors, TestTime.Now, out var configuration, out var errors);
        Assert.True(read, string.Join(Environment.NewLine, errors));
        return configuration!;
    }

    private static GatewayEntry Gateway(string name, string owner, int port, params X509Certificate2[] tls) => new()
    {
        Name = name,
        Owner = owner,
        Address = $"https://127.0.0.1:{port}",
        TlsCertificates = tls.Select(Fingerprint.Of).ToArray(),
    };
}
