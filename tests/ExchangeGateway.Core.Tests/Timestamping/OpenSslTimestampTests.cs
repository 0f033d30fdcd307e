using System.Security.Cryptography;
using ExchangeGateway.Core.Federation;
using ExchangeGateway.Core.Pki;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Core.Tests.Support;
using ExchangeGateway.Core.Timestamping;

namespace ExchangeGateway.Core.Tests.Timestamping;

/// <summary>
/// OpenSSL as an independent time-stamping authority: <c>openssl ts -reply</c> answers our queries with the
/// development PKI's <c>tsa</c> key, and our checks must accept what it makes. OpenSSL stamps with the machine's
/// clock, so the PKI here is made on that clock too.
/// </summary>
public sealed class OpenSslTimestampTests
{
    [OpenSslFact]
    public async Task ProcessReply_OpenSslAnswersOurQuery_IsValid()
    {
        using var folder = new TempDirectory();
        var (federation, config) = OpenSslAuthority(folder, essAlgorithm: "sha256");
        var data = SHA256.HashData("a batch of signatures"u8);
        var query = TimestampQuery.Create(data);
        File.WriteAllBytes(folder.File("query.tsq"), query.Encoded);

        var (exitCode, output) = await OpenSsl.RunAsync("ts", "-reply", "-config", config,
            "-queryfile", folder.File("query.tsq"), "-out", folder.File("reply.tsr"));

        Assert.True(exitCode == 0, output);
        var check = query.ProcessReply(File.ReadAllBytes(folder.File("reply.tsr")), federation);
        Assert.True(check.IsValid, check.ToString());
        Assert.Equal("openssl-tsa", check.Token.Authority);
    }

    [OpenSslTheory]
    [InlineData("sha1")]
    [InlineData("sha256")]
    public async Task Verify_TokenMadeByOpenSsl_IsValid(string essAlgorithm)
    {
        using var folder = new TempDirectory();
        var (federation, config) = OpenSslAuthority(folder, essAlgorithm);
        var content = "a Merkle root"u8.ToArray();
        File.WriteAllBytes(folder.File("data.bin"), content);

        var (exitCode, output) = await OpenSsl.RunAsync("ts", "-query", "-data", folder.File("data.bin"), "-sha256",
            "-cert", "-out", folder.File("query.tsq"));
        Assert.True(exitCode == 0, output);
        (exitCode, output) = await OpenSsl.RunAsync("ts", "-reply", "-config", config,
            "-queryfile", folder.File("query.tsq"), "-token_out", "-out", folder.File("token.der"));
        Assert.True(exitCode == 0, output);

        var check = TimestampVerifier.Verify(File.ReadAllBytes(folder.File("token.der")), SHA256.HashData(content),
            federation);
        Assert.True(check.IsValid, check.ToString());
        Assert.Equal("openssl-tsa", check.Token.Authority);
        Assert.Equal("2.25.7", TokenPolicy(File.ReadAllBytes(folder.File("token.der"))));
    }

    [OpenSslFact]
    public async Task Verify_TokenMadeByOpenSslOverOtherData_FailsImprint()
    {
        using var folder = new TempDirectory();
        var (federation, config) = OpenSslAuthority(folder, essAlgorithm: "sha256");
        File.WriteAllBytes(folder.File("data.bin"), "a Merkle root"u8.ToArray());

        var (exitCode, output) = await OpenSsl.RunAsync("ts", "-query", "-data", folder.File("data.bin"), "-sha256",
            "-cert", "-out", folder.File("query.tsq"));
        Assert.True(exitCode == 0, output);
        (exitCode, output) = await OpenSsl.RunAsync("ts", "-reply", "-config", config,
            "-queryfile", folder.File("query.tsq"), "-token_out", "-out", folder.File("token.der"));
        Assert.True(exitCode == 0, output);

        var check = TimestampVerifier.Verify(File.ReadAllBytes(folder.File("token.der")),
            SHA256.HashData("another Merkle root"u8), federation);
        Assert.Equal(TimestampFailure.Imprint, check.FailedCheck);
    }

    /// <summary>
    /// The development PKI on the machine's clock, a federation listing its <c>tsa</c> certificate, and an OpenSSL
    /// TSA configuration using that certificate and key (PKCS #8 PEM, which OpenSSL reads as it is).
    /// </summary>
    private static (FederationConfiguration Federation, string Config) OpenSslAuthority(
        TempDirectory folder, string essAlgorithm)
    {
        var pki = DevelopmentPki.Ensure(folder.File("pki"), [], TimeProvider.System);
        var document = TestFederation.Document() with
        {
            CertificateAuthorities = [pki.Authority.ExportCertificatePem()],
            TimestampingAuthorities =
            [
                new TimestampingAuthorityEntry
                {
                    Name = "openssl-tsa",
                    Url = "http://127.0.0.1:7180/",
                    Certificates = [Fingerprint.Of(pki.TimestampingAuthority)],
                },
            ],
        };
        var config = folder.File("tsa.cnf");
        File.WriteAllText(config, string.Join('\n',
            "[ tsa ]",
            "default_tsa = tsa_config",
            "[ tsa_config ]",
            $"dir = {folder.Path}",
            "serial = $dir/tsaserial",
            $"signer_cert = {Path.Combine(pki.Directory, "tsa.pem")}",
            $"signer_key = {Path.Combine(pki.Directory, "tsa.key")}",
            "signer_digest = sha256",
            "default_policy = 2.25.7",
            "digests = sha256",
            $"ess_cert_id_alg = {essAlgorithm}",
            "accuracy = secs:1",
            "ordering = no",
            "tsa_name = no",
            "ess_cert_id_chain = no",
            ""));
        File.WriteAllText(folder.File("tsaserial"), "01\n");
        return (TestFederation.Read(document), config);
    }

    private static string TokenPolicy(byte[] token)
    {
        Assert.True(System.Security.Cryptography.Pkcs.Rfc3161TimestampToken.TryDecode(token, out var decoded, out _));
        return decoded.TokenInfo.PolicyId.Value ?? "";
    }
}
