using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using ExchangeGateway.Core.Federation;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Core.Tests.Support;

namespace ExchangeGateway.Core.Tests.Federation;

public sealed class FederationConfigurationReaderTests
{
    [Fact]
    public void TryRead_SignedByAnchor_AcceptsAndKeepsTheDocument()
    {
        var document = TestFederation.Document();
        var (bytes, signature) = TestFederation.Sign(document);

        var read = FederationConfigurationReader.TryRead(
            bytes, signature, TestFederation.Anchors, TestTime.Now, out var configuration, out var errors);

        Assert.True(read, string.Join(Environment.NewLine, errors));
        Assert.Empty(errors);
        Assert.Equal("MD", configuration!.Instance);
        Assert.Equal(7, configuration.Document.Serial);
        Assert.Equal(document.ExpiresAt, configuration.ExpiresAt);
        Assert.Equal(SHA256.HashData(bytes), configuration.Digest);
        Assert.Equal(["migration-gw", "migration-gw-2", "border-gw"], configuration.Gateways.Select(g => g.Name));
        var authority = Assert.Single(configuration.Authorities.Cast<X509Certificate2>());
        Assert.Equal(TestCertificates.FederationCa.RawData, authority.RawData);
    }

    [Fact]
    public void TryRead_SignedByOtherCertificateOfSameCa_RefusesAsNotPinned()
    {
        var (bytes, signature) = TestFederation.Sign(TestFederation.Document(), TestCertificates.OtherAuthority);

        var errors = Refused(bytes, signature);

        var impostor = Fingerprint.Of(TestCertificates.OtherAuthority)[..16];
        var anchor = Fingerprint.Of(TestCertificates.ConfigurationAnchor)[..16];
        Assert.Equal([$"configuration is signed by 'CN=Impostor Authority' (SHA-256 {impostor}...), which is not " +
            $"the pinned trust anchor (SHA-256 {anchor}...)"], errors);
    }

    [Theory]
    [InlineData("serial raised")]
    [InlineData("space appended")]
    [InlineData("last byte removed")]
    public void TryRead_DocumentChangedAfterSigning_RefusesSignature(string change)
    {
        var (bytes, signature) = TestFederation.Sign(TestFederation.Document());
        var changed = change switch
        {
            "serial raised" => Encoding.UTF8.GetBytes(
                Encoding.UTF8.GetString(bytes).Replace("\"serial\": 7", "\"serial\": 8", StringComparison.Ordinal)),
            "space appended" => [.. bytes, (byte)' '],
            _ => bytes[..^1],
        };
        Assert.NotEqual(bytes, changed);

        var errors = Refused(changed, signature);

        var error = Assert.Single(errors);
        Assert.StartsWith("configuration signature does not verify", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_GarbageSignature_RefusesAsNotCms()
    {
        var (bytes, _) = TestFederation.Sign(TestFederation.Document());

        var error = Assert.Single(Refused(bytes, [0x30, 0x03, 0x02, 0x01, 0x01]));

        Assert.StartsWith("configuration signature is not CMS SignedData", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_AnchorExpiredAtReadingTime_Refuses()
    {
        var (bytes, signature) = TestFederation.Sign(TestFederation.Document());

        var read = FederationConfigurationReader.TryRead(
            bytes, signature, TestFederation.Anchors, TestCertificates.ValidUntil.AddDays(1), out var configuration,
            out var errors);

        Assert.False(read);
        Assert.Null(configuration);
        var error = Assert.Single(errors);
        Assert.StartsWith("configuration-signing certificate 'CN=Test Governing Authority' is not valid at", error,
            StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_NoAnchors_RefusesAsNotPinned()
    {
        var (bytes, signature) = TestFederation.Sign(TestFederation.Document());

        var read = FederationConfigurationReader.TryRead(bytes, signature, [], TestTime.Now, out _, out var errors);

        Assert.False(read);
        Assert.EndsWith("which is not the pinned trust anchor ()", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"instance\": \"MD\",")]
    [InlineData("not json at all")]
    [InlineData("{\"instance\": \"MD\", /* comment */ \"serial\": 1}")]
    [InlineData("{\"instance\": \"MD\", \"serial\": 1,}")]
    [InlineData("[]")]
    public void TryRead_SignedInvalidJson_RefusesAsNotValidJson(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        var error = Assert.Single(Refused(bytes, TestFederation.SignBytes(bytes)));

        Assert.StartsWith("federation configuration is not valid JSON", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_SignedJsonNull_RefusesAsEmpty()
    {
        var bytes = "null"u8.ToArray();

        Assert.Equal(["federation configuration is empty"], Refused(bytes, TestFederation.SignBytes(bytes)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("members[0]")]
    [InlineData("gateways[1]")]
    public void TryRead_UnknownProperty_RefusesNamingIt(string where)
    {
        var json = Json(TestFederation.Document());
        var target = where switch
        {
            "" => json,
            "members[0]" => json["members"]![0]!.AsObject(),
            _ => json["gateways"]![1]!.AsObject(),
        };
        target["trustEverything"] = true;
        var bytes = Encoding.UTF8.GetBytes(json.ToJsonString());

        var error = Assert.Single(Refused(bytes, TestFederation.SignBytes(bytes)));

        Assert.StartsWith("federation configuration is not valid JSON", error, StringComparison.Ordinal);
        Assert.Contains("trustEverything", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_SeveralErrors_ReportsEveryOneInOnePass()
    {
        var document = TestFederation.Document();
        document = document with
        {
            Members =
            [
                document.Members[0] with { SigningCertificates = ["not-a-fingerprint"] },
                document.Members[1],
                new MemberEntry { Id = "MD/GOV/bad code", Subsystems = ["x"] },
            ],
            Gateways =
            [
                document.Gateways[0],
                document.Gateways[1] with { Name = "migration-gw" },
                document.Gateways[2] with { Address = "http://127.0.0.1:5101" },
            ],
        };
        var (bytes, signature) = TestFederation.Sign(document);

        var errors = Refused(bytes, signature);

        Assert.Equal(
            [
                "members[0].signingCertificates 'not-a-fingerprint': not a SHA-256 fingerprint (64 hex digits)",
                "members[2].id 'MD/GOV/bad code': member code: contains white space U+0020 at position 3",
                "gateways[1].name 'migration-gw': listed twice",
                "gateways[2].address 'http://127.0.0.1:5101': must be an absolute https:// address",
            ],
            errors);
    }

    [Fact]
    public void TryRead_HeaderErrors_AreAllReported()
    {
        var document = TestFederation.Document() with
        {
            Instance = "M D",
            ExpiresAt = TestTime.Now.AddDays(-1),
            CertificateAuthorities = ["-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"],
        };
        var (bytes, signature) = TestFederation.Sign(document);

        var errors = Refused(bytes, signature);

        Assert.Contains("instance: instance: contains white space U+0020 at position 1", errors);
        Assert.Contains("expiresAt must be after issuedAt", errors);
        Assert.Contains(errors, e => e.StartsWith("certificateAuthorities[0]: not a PEM certificate",
            StringComparison.Ordinal));
    }

    [Fact]
    public void TryRead_NoCertificateAuthority_IsReported()
    {
        var (bytes, signature) = TestFederation.Sign(TestFederation.Document() with { CertificateAuthorities = [] });

        Assert.Contains("certificateAuthorities: at least one CA is required", Refused(bytes, signature));
    }

    [Fact]
    public void TryRead_MemberProblems_AreEachReported()
    {
        var document = TestFederation.Document();
        var provider = document.Members[0];
        document = document with
        {
            Members =
            [
                provider with { Subsystems = ["foreigners-registry", "foreigners-registry", "bad;code"] },
                document.Members[1] with { SigningCertificates = provider.SigningCertificates.Take(1).ToArray() },
                provider with { Id = "RO/GOV/1006601000037" },
                provider,
            ],
        };
        var (bytes, signature) = TestFederation.Sign(document);

        var errors = Refused(bytes, signature);

        var providerFingerprint = Fingerprint.Of(TestCertificates.ProviderSigning);
        Assert.Contains("members[0].subsystems 'foreigners-registry': listed twice", errors);
        Assert.Contains("members[0].subsystems 'bad;code': subsystem code: contains ';' at position 3", errors);
        Assert.Contains($"members[1].signingCertificates '{providerFingerprint}': registered twice", errors);
        Assert.Contains("members[2].id 'RO/GOV/1006601000037': instance is not 'MD'", errors);
        Assert.Contains("members[3].id 'MD/GOV/1006601000037': listed twice", errors);
    }

    [Fact]
    public void TryRead_GatewayProblems_AreEachReported()
    {
        var document = TestFederation.Document();
        document = document with
        {
            Gateways =
            [
                document.Gateways[0] with { Owner = "MD/GOV/9999999999999" },
                document.Gateways[1] with { TlsCertificates = [] },
                document.Gateways[2] with { Name = "" },
                document.Gateways[2] with { Name = "other-gw", Owner = "MD/GOV" },
                document.Gateways[2] with { Name = "relative-gw", Address = "/exchange" },
            ],
        };
        var (bytes, signature) = TestFederation.Sign(document);

        var errors = Refused(bytes, signature);

        Assert.Contains("gateways[0].owner 'MD/GOV/9999999999999': not a listed member", errors);
        Assert.Contains("gateways[1].tlsCertificates: at least one certificate is required", errors);
        Assert.Contains("gateways[2].name: gateway name: is empty", errors);
        Assert.Contains("gateways[3].owner 'MD/GOV': member: has 2 parts separated by '/', expected 3", errors);
        Assert.Contains("gateways[4].address '/exchange': must be an absolute https:// address", errors);
    }

    [Fact]
    public void TryRead_TimestampingAuthorityProblems_AreEachReported()
    {
        var document = TestFederation.Document();
        var tsa = document.TimestampingAuthorities[0];
        document = document with
        {
            TimestampingAuthorities =
            [
                tsa,
                tsa with { Certificates = [Fingerprint.Of(TestCertificates.ClientTls)] },
                tsa with { Name = "tsa 2", Url = "ftp://127.0.0.1/", Certificates = [] },
                tsa with { Name = "tsa-3", Url = "relative/", Certificates = ["zz"] },
            ],
        };
        var (bytes, signature) = TestFederation.Sign(document);

        var errors = Refused(bytes, signature);

        var tsaFingerprint = Fingerprint.Of(TestCertificates.TimestampingSigning);
        Assert.Contains("timestampingAuthorities[1].name 'tsa-1': listed twice", errors);
        Assert.Contains(
            "timestampingAuthorities[2].name: time-stamping authority name: contains white space U+0020 at position 3",
            errors);
        Assert.Contains(
            "timestampingAuthorities[2].url 'ftp://127.0.0.1/': must be an absolute http:// or https:// address",
            errors);
        Assert.Contains("timestampingAuthorities[2].certificates: at least one certificate is required", errors);
        Assert.Contains("timestampingAuthorities[3].certificates 'zz': not a SHA-256 fingerprint (64 hex digits)",
            errors);
        Assert.DoesNotContain(errors, e => e.Contains(tsaFingerprint, StringComparison.Ordinal));
    }

    [Fact]
    public void TryRead_TimestampingCertificateListedTwice_IsReported()
    {
        var document = TestFederation.Document();
        var tsa = document.TimestampingAuthorities[0];
        var (bytes, signature) = TestFederation.Sign(document with
        {
            TimestampingAuthorities = [tsa, tsa with { Name = "tsa-2" }],
        });

        var fingerprint = Fingerprint.Of(TestCertificates.TimestampingSigning);
        Assert.Contains($"timestampingAuthorities[1].certificates '{fingerprint}': registered twice",
            Refused(bytes, signature));
    }

    [Fact]
    public void TryRead_FingerprintWrittenWithColonsInUpperCase_IsAccepted()
    {
        var document = TestFederation.Document();
        var written = string.Join(':', Fingerprint.Of(TestCertificates.ClientSigning).Chunk(2)
            .Select(pair => new string(pair))).ToUpperInvariant();
        document = document with
        {
            Members = [document.Members[0], document.Members[1] with { SigningCertificates = [written] }],
        };

        var configuration = TestFederation.Read(document);

        Assert.Equal(TestFederation.ClientMember,
            configuration.MemberBySigningCertificate(TestCertificates.ClientSigning)?.ToString());
    }

    [Theory]
    [InlineData("certificateAuthorities[0]", "certificateAuthorities[0]: must not be null")]
    [InlineData("members[0].subsystems[0]", "members[0].subsystems[0]: must not be null")]
    [InlineData("members[0].id", "federation configuration is not valid JSON")]
    [InlineData("gateways[0].address", "federation configuration is not valid JSON")]
    public void TryRead_SignedDocumentWithNullText_ReportsIt(string where, string expected)
    {
        var json = Json(TestFederation.Document());
        SetNull(json, where);
        var bytes = Encoding.UTF8.GetBytes(json.ToJsonString());

        var errors = Refused(bytes, TestFederation.SignBytes(bytes));

        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(where, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("members")]
    [InlineData("gateways")]
    [InlineData("certificateAuthorities")]
    [InlineData("revokedCertificates")]
    [InlineData("members[0].subsystems")]
    [InlineData("members[0].signingCertificates")]
    [InlineData("gateways[0].tlsCertificates")]
    [InlineData("members[0]")]
    [InlineData("gateways[0]")]
    [InlineData("revokedCertificates[0]")]
    [InlineData("members[0].signingCertificates[0]")]
    [InlineData("gateways[0].tlsCertificates[0]")]
    [InlineData("timestampingAuthorities")]
    [InlineData("timestampingAuthorities[0]")]
    [InlineData("timestampingAuthorities[0].certificates")]
    public void TryRead_SignedDocumentWithNullList_RefusesWithoutThrowing(string where)
    {
        var json = Json(TestFederation.Document());
        SetNull(json, where);
        var bytes = Encoding.UTF8.GetBytes(json.ToJsonString());
        var signature = TestFederation.SignBytes(bytes);
        IReadOnlyList<string> errors = [];

        var exception = Record.Exception(() => errors = Refused(bytes, signature));

        Assert.Null(exception);
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void TryRead_NullAnchors_Throws()
    {
        var (bytes, signature) = TestFederation.Sign(TestFederation.Document());

        Assert.Throws<ArgumentNullException>(() =>
            FederationConfigurationReader.TryRead(bytes, signature, null!, TestTime.Now, out _, out _));
    }

    private static IReadOnlyList<string> Refused(byte[] bytes, byte[] signature)
    {
        var read = FederationConfigurationReader.TryRead(
            bytes, signature, TestFederation.Anchors, TestTime.Now, out var configuration, out var errors);

        Assert.False(read);
        Assert.Null(configuration);
        Assert.NotEmpty(errors);
        return errors;
    }

    private static JsonObject Json(FederationDocument document) =>
        JsonNode.Parse(FederationConfigurationWriter.Serialise(document))!.AsObject();

    /// <summary>Sets what <paramref name="where"/> names, e.g. <c>members[0].subsystems[0]</c>, to null.</summary>
    private static void SetNull(JsonObject json, string where)
    {
        JsonNode parent = json;
        var steps = where.Split('.');
        foreach (var step in steps[..^1])
        {
            parent = parent[step[..step.IndexOf('[', StringComparison.Ordinal)]]![0]!;
        }

        var last = steps[^1];
        if (last.EndsWith("[0]", StringComparison.Ordinal))
        {
            parent[last[..^3]]![0] = null;
        }
        else
        {
            parent[last] = null;
        }
    }
}
