using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Pki;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Core.Tests.Support;

namespace ExchangeGateway.Core.Tests.Signing;

public sealed class BatchSignerTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static readonly X509Certificate2 Ca =
        CertificateFactory.CreateAuthority("CN=Batch CA", Now.AddDays(-1), Now.AddDays(30));

    private static readonly X509Certificate2 Signing =
        CertificateFactory.CreateSigning(Ca, "CN=member", Now.AddDays(-1), Now.AddDays(10));

    [Fact]
    public async Task LoneMessage_IsABatchOfOne_ThatVerifies()
    {
        await using var signer = new BatchSigner(new MessageSigner(Signing));
        var envelope = "envelope"u8.ToArray();

        var signature = await signer.SignAsync(SHA256.HashData(envelope)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, signature.Proof.Size);
        Assert.Empty(signature.Proof.Path);
        var check = SignatureVerifier.VerifyMessage(envelope, signature.Cms, signature.Proof.Encode(), [Ca], Now);
        Assert.True(check.IsValid, check.Failure);
    }

    [Fact]
    public async Task ConcurrentMessages_ShareSignatures_AndEachProofVerifies()
    {
        await using var signer = new BatchSigner(new MessageSigner(Signing));
        var envelopes = Enumerable.Range(0, 500).Select(i => BitConverter.GetBytes(i)).ToList();

        var signatures = await Task.WhenAll(envelopes.Select(e => signer.SignAsync(SHA256.HashData(e))))
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(signer.Signatures < 500, $"{signer.Signatures} signatures for 500 messages");
        Assert.Equal(500, signer.Messages);
        for (var i = 0; i < envelopes.Count; i++)
        {
            var check = SignatureVerifier.VerifyMessage(
                envelopes[i], signatures[i].Cms, signatures[i].Proof.Encode(), [Ca], Now);
            Assert.True(check.IsValid, check.Failure);
        }
    }

    [Fact]
    public async Task ProofWithAnotherTreeSize_DoesNotVerify_BecauseTheSignatureCoversTheSize()
    {
        await using var signer = new BatchSigner(new MessageSigner(Signing));
        var envelopes = Enumerable.Range(0, 13).Select(i => new[] { (byte)i }).ToList();
        var signatures = await Task.WhenAll(envelopes.Select(e => signer.SignAsync(SHA256.HashData(e))));
        var proof = signatures[5].Proof;
        var resized = proof with { Size = proof.Size + 1 };

        var check = SignatureVerifier.VerifyMessage(envelopes[5], signatures[5].Cms, resized.Encode(), [Ca], Now);

        Assert.False(check.IsValid);
    }

    [Fact]
    public async Task ProofOfAnotherMessage_DoesNotVerify()
    {
        await using var signer = new BatchSigner(new MessageSigner(Signing));
        var a = "a"u8.ToArray();
        var b = "b"u8.ToArray();
        var signatures = await Task.WhenAll(signer.SignAsync(SHA256.HashData(a)), signer.SignAsync(SHA256.HashData(b)));

        var check = SignatureVerifier.VerifyMessage(b, signatures[0].Cms, signatures[0].Proof.Encode(), [Ca], Now);

        Assert.False(check.IsValid);
    }

    [OpenSslFact]
    public async Task BatchSignature_IsAcceptedByOpenSsl_OverTheSignedBatchContent()
    {
        await using var signer = new BatchSigner(new MessageSigner(Signing));
        var envelope = "openssl envelope"u8.ToArray();
        var signature = await signer.SignAsync(SHA256.HashData(envelope)).WaitAsync(TimeSpan.FromSeconds(10));
        var root = signature.Proof.RootFor(SHA256.HashData(envelope))!;
        var folder = Directory.CreateTempSubdirectory("exgw-batch-").FullName;
        try
        {
            var batch = Path.Combine(folder, "batch.der");
            var cms = Path.Combine(folder, "signature.p7s");
            var ca = Path.Combine(folder, "ca.pem");
            File.WriteAllBytes(batch, SignedBatch.Content(root, signature.Proof.Size));
            File.WriteAllBytes(cms, signature.Cms);
            File.WriteAllText(ca, Ca.ExportCertificatePem());

            var (code, output) = await OpenSsl.RunAsync("cms", "-verify", "-binary", "-inform", "DER", "-in", cms,
                "-content", batch, "-CAfile", ca, "-purpose", "any", "-out", "/dev/null");

            Assert.True(code == 0, output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
