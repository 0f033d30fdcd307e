using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Core.Tests.Support;

namespace ExchangeGateway.Core.Tests.Signing;

public sealed class MessageSignerTests
{
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("envelope bytes \u0103\u0219\u021b");

    [Fact]
    public void Constructor_CertificateWithoutPrivateKey_Throws()
    {
        var publicOnly = X509CertificateLoader.LoadCertificate(TestCertificates.ClientSigning.RawData);

        var thrown = Assert.Throws<ArgumentException>(() => new MessageSigner(publicOnly));

        Assert.Equal("certificate", thrown.ParamName);
    }

    [Fact]
    public void Constructor_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new MessageSigner(null!));
    }

    [Fact]
    public void Sign_Content_IsDetachedCmsWithSha256AndOnlyTheSignerCertificate()
    {
        var signature = new MessageSigner(TestCertificates.ClientSigning).Sign(Content);

        var cms = new SignedCms();
        cms.Decode(signature);

        Assert.Empty(cms.ContentInfo.Content);
        Assert.Equal(-1, signature.AsSpan().IndexOf(Content));
        var signer = Assert.Single(cms.SignerInfos.Cast<SignerInfo>());
        Assert.Equal("2.16.840.1.101.3.4.2.1", signer.DigestAlgorithm.Value);
        Assert.Equal(SubjectIdentifierType.IssuerAndSerialNumber, signer.SignerIdentifier.Type);
        var included = Assert.Single(cms.Certificates.Cast<X509Certificate2>());
        Assert.Equal(TestCertificates.ClientSigning.RawData, included.RawData);
        Assert.False(included.HasPrivateKey);
    }

    [Fact]
    public void Sign_Content_VerifiesOverThatContent()
    {
        var signature = new MessageSigner(TestCertificates.ClientSigning).Sign(Content);

        var cms = new SignedCms(new ContentInfo(Content), detached: true);
        cms.Decode(signature);

        cms.CheckSignature(verifySignatureOnly: true);
    }

    [Fact]
    public void Sign_EcdsaKey_WritesTheFormSignedCmsWrites_ButTheSignature()
    {
        var written = new MessageSigner(TestCertificates.ClientSigning).Sign(Content);
        var cms = new SignedCms(new ContentInfo(Content), detached: true);
        cms.ComputeSignature(new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, TestCertificates.ClientSigning)
        {
            DigestAlgorithm = new System.Security.Cryptography.Oid("2.16.840.1.101.3.4.2.1"),
            IncludeOption = X509IncludeOption.EndCertOnly,
        }, silent: true);
        var reference = cms.Encode();

        Assert.True(CmsSignature.TryRead(written, out var ours));
        Assert.True(CmsSignature.TryRead(reference, out var theirs));
        Assert.Equal(theirs.Certificates.Select(c => c.ToArray()), ours.Certificates.Select(c => c.ToArray()));
        Assert.Equal(theirs.Issuer.ToArray(), ours.Issuer.ToArray());
        Assert.Equal(theirs.Serial.ToArray(), ours.Serial.ToArray());
        Assert.Equal(theirs.DigestAlgorithm, ours.DigestAlgorithm);
        Assert.Equal(theirs.SignatureAlgorithm, ours.SignatureAlgorithm);
        Assert.Equal(theirs.ContentType, ours.ContentType);
        Assert.Null(theirs.SignedAttributes);
        Assert.Null(ours.SignedAttributes);
        var decoded = new SignedCms(new ContentInfo(Content), detached: true);
        decoded.Decode(written);
        decoded.CheckSignature(verifySignatureOnly: true);
        Assert.Equal(written, decoded.Encode());
    }

    [Fact]
    public void Sign_RsaKey_GoesTheSignedCmsWay_AndVerifies()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new CertificateRequest("CN=RSA signing", key,
            System.Security.Cryptography.HashAlgorithmName.SHA256,
            System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(TestTime.Now.AddDays(-1), TestTime.Now.AddDays(1));

        var signature = new MessageSigner(certificate).Sign(Content);

        var cms = new SignedCms(new ContentInfo(Content), detached: true);
        cms.Decode(signature);
        cms.CheckSignature(verifySignatureOnly: true);
        Assert.Equal(certificate.RawData, Assert.Single(cms.Certificates.Cast<X509Certificate2>()).RawData);
    }

    /// <summary>
    /// Empty content is refused, as <see cref="SignedCms"/> refuses it: a detached signature over nothing proves
    /// nothing. Envelopes and federation documents are never empty.
    /// </summary>
    [Fact]
    public void Sign_EmptyContent_IsRefused()
    {
        var signer = new MessageSigner(TestCertificates.ClientSigning);

        Assert.Throws<System.Security.Cryptography.CryptographicException>(() => signer.Sign([]));
    }

    [OpenSslFact]
    public async Task Sign_Content_OpenSslCmsVerifyAccepts()
    {
        using var folder = new TempDirectory();
        var signature = new MessageSigner(TestCertificates.ClientSigning).Sign(Content);
        WriteFiles(folder, Content, signature);

        var (exitCode, output) = await VerifyWithOpenSsl(folder);

        Assert.True(exitCode == 0, output);
        Assert.Contains("Verification successful", output, StringComparison.Ordinal);
    }

    [OpenSslFact]
    public async Task Sign_ContentChangedAfterSigning_OpenSslCmsVerifyRefuses()
    {
        using var folder = new TempDirectory();
        var signature = new MessageSigner(TestCertificates.ClientSigning).Sign(Content);
        WriteFiles(folder, [.. Content, 0x20], signature);

        var (exitCode, output) = await VerifyWithOpenSsl(folder);

        Assert.True(exitCode != 0, output);
    }

    private static void WriteFiles(TempDirectory folder, byte[] content, byte[] signature)
    {
        File.WriteAllBytes(folder.File("content.bin"), content);
        File.WriteAllBytes(folder.File("signature.der"), signature);
        File.WriteAllText(folder.File("ca.pem"), TestCertificates.FederationCa.ExportCertificatePem() + "\n");
    }

    /// <summary>Runs <c>openssl cms -verify</c> at the tests' fixed time, not the machine's clock.</summary>
    private static Task<(int ExitCode, string Output)> VerifyWithOpenSsl(TempDirectory folder) => OpenSsl.RunAsync(
        "cms", "-verify", "-binary", "-inform", "DER",
        "-in", folder.File("signature.der"),
        "-content", folder.File("content.bin"),
        "-CAfile", folder.File("ca.pem"),
        "-purpose", "any",
        "-attime", TestTime.Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        "-out", folder.File("verified.bin"));
}
