using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Merkle;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Core.Tests.Support;

namespace ExchangeGateway.Core.Tests.Signing;

public sealed class SignatureVerifierTests
{
    private static readonly byte[] Content = "the exact envelope bytes"u8.ToArray();

    [Fact]
    public void Verify_GoodSignature_IsValidAndNamesSigner()
    {
        var signature = new MessageSigner(TestCertificates.ClientSigning).Sign(Content);

        var check = SignatureVerifier.Verify(Content, signature, TestCertificates.Authorities, TestTime.Now);

        Assert.True(check.IsValid, check.Failure);
        Assert.Null(check.Failure);
        Assert.Equal(TestCertificates.ClientSigning.RawData, check.Signer.RawData);
    }

    [Theory]
    [InlineData("first byte changed")]
    [InlineData("last byte changed")]
    [InlineData("byte appended")]
    [InlineData("last byte removed")]
    [InlineData("emptied")]
    public void Verify_TamperedContent_FailsTheSignatureCheck(string tampering)
    {
        var signature = new MessageSigner(TestCertificates.ClientSigning).Sign(Content);
        var tampered = Tamper(Content, tampering);

        var check = SignatureVerifier.Verify(tampered, signature, TestCertificates.Authorities, TestTime.Now);

        Assert.False(check.IsValid);
        Assert.Null(check.Signer);
        Assert.StartsWith("signature does not verify over the content", check.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_SignerFromCaOutsideAuthorities_FailsTheChain()
    {
        var signature = new MessageSigner(TestCertificates.ForeignSigning).Sign(Content);

        var check = SignatureVerifier.Verify(Content, signature, TestCertificates.Authorities, TestTime.Now);

        Assert.False(check.IsValid);
        Assert.StartsWith("certificate 'CN=Foreign signing' does not chain to a federation CA", check.Failure,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ForeignSignerWithItsOwnCaGiven_IsValid()
    {
        var signature = new MessageSigner(TestCertificates.ForeignSigning).Sign(Content);

        var check = SignatureVerifier.Verify(Content, signature, [TestCertificates.ForeignCa], TestTime.Now);

        Assert.True(check.IsValid, check.Failure);
    }

    [Fact]
    public void Verify_NoAuthorities_FailsTheChain()
    {
        var signature = new MessageSigner(TestCertificates.ClientSigning).Sign(Content);

        var check = SignatureVerifier.Verify(Content, signature, [], TestTime.Now);

        Assert.False(check.IsValid);
        Assert.Contains("does not chain to a federation CA", check.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_CertificateExpiredAtVerificationTime_Fails()
    {
        var signature = new MessageSigner(TestCertificates.CreateExpiredSigning()).Sign(Content);

        var check = SignatureVerifier.Verify(Content, signature, TestCertificates.Authorities, TestTime.Now);

        Assert.False(check.IsValid);
        Assert.StartsWith("certificate 'CN=Expired member signing' is not valid at", check.Failure,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ExpiredCertificateAtTimeItWasValid_IsValid()
    {
        var signature = new MessageSigner(TestCertificates.CreateExpiredSigning()).Sign(Content);

        var check = SignatureVerifier.Verify(
            Content, signature, TestCertificates.Authorities, TestTime.Now.AddDays(-15));

        Assert.True(check.IsValid, check.Failure);
    }

    [Fact]
    public void Verify_BeforeCertificateIsValid_Fails()
    {
        var signature = new MessageSigner(TestCertificates.ClientSigning).Sign(Content);

        var check = SignatureVerifier.Verify(
            Content, signature, TestCertificates.Authorities, TestCertificates.ValidFrom.AddSeconds(-1));

        Assert.False(check.IsValid);
        Assert.Contains("is not valid at", check.Failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("random bytes")]
    [InlineData("empty DER sequence")]
    [InlineData("a certificate instead")]
    [InlineData("truncated signature")]
    public void Verify_GarbageSignature_FailsWithText(string garbage)
    {
        var signature = Garbage(garbage);

        var check = SignatureVerifier.Verify(Content, signature, TestCertificates.Authorities, TestTime.Now);

        Assert.False(check.IsValid);
        Assert.StartsWith("signature is not CMS SignedData", check.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_SignatureWithoutCertificate_SaysCertificateIsMissing()
    {
        var cms = new SignedCms(new ContentInfo(Content), detached: true);
        cms.ComputeSignature(new CmsSigner(TestCertificates.ClientSigning) { IncludeOption = X509IncludeOption.None });

        var check = SignatureVerifier.Verify(Content, cms.Encode(), TestCertificates.Authorities, TestTime.Now);

        Assert.False(check.IsValid);
        Assert.Equal("signature does not include the signer's certificate", check.Failure);
    }

    [Fact]
    public void Verify_TwoSigners_IsRefused()
    {
        var cms = new SignedCms(new ContentInfo(Content), detached: true);
        cms.ComputeSignature(new CmsSigner(TestCertificates.ClientSigning));
        cms.ComputeSignature(new CmsSigner(TestCertificates.ProviderSigning));

        var check = SignatureVerifier.Verify(Content, cms.Encode(), TestCertificates.Authorities, TestTime.Now);

        Assert.False(check.IsValid);
        Assert.Equal("signature has 2 signers, expected 1", check.Failure);
    }

    [Fact]
    public void VerifyMessage_NoProof_VerifiesTheEnvelopeItself()
    {
        var signature = new MessageSigner(TestCertificates.ClientSigning).Sign(Content);

        var check = SignatureVerifier.VerifyMessage(
            Content, signature, null, TestCertificates.Authorities, TestTime.Now);

        Assert.True(check.IsValid, check.Failure);
    }

    [Fact]
    public void VerifyMessage_ProofIntoSignedBatch_IsValid()
    {
        var (signature, proofs) = SignBatch(Content, [9], [8, 7]);

        var check = SignatureVerifier.VerifyMessage(
            Content, signature, proofs[0], TestCertificates.Authorities, TestTime.Now);

        Assert.True(check.IsValid, check.Failure);
        Assert.Equal(TestCertificates.ClientSigning.RawData, check.Signer.RawData);
    }

    [Fact]
    public void VerifyMessage_ProofOfAnotherEnvelopeInTheBatch_FailsTheSignatureCheck()
    {
        var (signature, proofs) = SignBatch(Content, [9], [8, 7]);

        var check = SignatureVerifier.VerifyMessage(
            Content, signature, proofs[1], TestCertificates.Authorities, TestTime.Now);

        Assert.False(check.IsValid);
        Assert.StartsWith("signature does not verify over the content", check.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyMessage_ProofNotDer_SaysSo()
    {
        var (signature, _) = SignBatch(Content, [9]);

        var check = SignatureVerifier.VerifyMessage(
            Content, signature, [0x30, 0x01], TestCertificates.Authorities, TestTime.Now);

        Assert.Equal("inclusion proof is not DER", check.Failure);
    }

    [Fact]
    public void VerifyMessage_ProofIndexBeyondSize_SaysItDoesNotFit()
    {
        var (signature, _) = SignBatch(Content, [9]);
        var proof = new InclusionProof(2, 2, [new byte[32]]).Encode();

        var check = SignatureVerifier.VerifyMessage(
            Content, signature, proof, TestCertificates.Authorities, TestTime.Now);

        Assert.Equal("inclusion proof does not fit its index and tree size", check.Failure);
    }

    /// <summary>Signs a batch as <see cref="BatchSigner"/> does: one signature over the Merkle root.</summary>
    [Fact]
    public void VerifyMessage_BatchVerifiedOnce_OtherSignatureBytesOverTheSameRoot_AreCheckedInFull()
    {
        byte[][] envelopes = [RandomBytes(), RandomBytes(), RandomBytes()];
        var (signature, proofs) = SignBatch(envelopes);
        Assert.True(SignatureVerifier.VerifyMessage(
            envelopes[0], signature, proofs[0], TestCertificates.Authorities, TestTime.Now).IsValid);

        // The last byte is in the signature value: same root, same size, other bytes.
        var forged = SignatureVerifier.VerifyMessage(
            envelopes[1], Tamper(signature, "last byte changed"), proofs[1], TestCertificates.Authorities,
            TestTime.Now);
        var genuine = SignatureVerifier.VerifyMessage(
            envelopes[2], signature, proofs[2], TestCertificates.Authorities, TestTime.Now);

        Assert.False(forged.IsValid);
        Assert.StartsWith("signature does not verify over the content", forged.Failure, StringComparison.Ordinal);
        Assert.True(genuine.IsValid, genuine.Failure);
    }

    private static (byte[] Signature, byte[][] Proofs) SignBatch(params byte[][] envelopes)
    {
        var leaves = envelopes.Select(SHA256.HashData).ToArray();
        var (root, paths) = MerkleTree.Build(leaves);
        var signer = new MessageSigner(TestCertificates.ClientSigning);
        var signature = signer.Sign(SignedBatch.Content(root, leaves.Length));
        var proofs = paths.Select((path, i) => new InclusionProof(i, leaves.Length, path).Encode());
        return (signature, proofs.ToArray());
    }

    private static byte[] Tamper(byte[] content, string tampering) => tampering switch
    {
        "first byte changed" => [(byte)(content[0] ^ 1), .. content[1..]],
        "last byte changed" => [.. content[..^1], (byte)(content[^1] ^ 0x80)],
        "byte appended" => [.. content, 0],
        "last byte removed" => content[..^1],
        "emptied" => [],
        _ => throw new ArgumentOutOfRangeException(nameof(tampering), tampering, null),
    };

    private static byte[] RandomBytes()
    {
        var bytes = new byte[200];
        new Random(42).NextBytes(bytes);
        return bytes;
    }

    private static byte[] Garbage(string kind)
    {
        var signature = new MessageSigner(TestCertificates.ClientSigning).Sign(Content);
        return kind switch
        {
            "empty" => [],
            "random bytes" => RandomBytes(),
            "empty DER sequence" => [0x30, 0x00],
            "a certificate instead" => TestCertificates.ClientSigning.RawData,
            "truncated signature" => signature[..(signature.Length / 2)],
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }
}
