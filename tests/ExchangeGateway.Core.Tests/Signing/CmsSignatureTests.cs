using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Core.Tests.Support;

namespace ExchangeGateway.Core.Tests.Signing;

/// <summary>
/// The fast check of plain ECDSA signatures against the general <c>SignedCms</c> check: on the valid signature and
/// on every one-bit change of it, both must agree.
/// </summary>
public sealed class CmsSignatureTests
{
    private static readonly byte[] Content = SHA256.HashData("an envelope"u8);

    [Fact]
    public void ValidSignature_BothChecksAccept_WithTheSameSigner()
    {
        var signature = new MessageSigner(TestCertificates.ClientSigning).Sign(Content);

        var fast = SignatureVerifier.Verify(Content, signature, TestFederation.Read().Authorities, TestTime.Now);
        var general = SignatureVerifier.VerifyWithSignedCms(
            Content, signature, TestFederation.Read().Authorities, TestTime.Now);

        Assert.True(CmsSignature.TryRead(signature, out _));
        Assert.True(fast.IsValid, fast.Failure);
        Assert.True(general.IsValid, general.Failure);
        Assert.Equal(general.Signer!.RawData, fast.Signer!.RawData);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EveryOneBitChange_BothChecksAgree(bool signedAttributes)
    {
        var authorities = TestFederation.Read().Authorities;
        var signature = signedAttributes
            ? WithSignedAttributes(Content)
            : new MessageSigner(TestCertificates.ClientSigning).Sign(Content);
        Assert.True(SignatureVerifier.Verify(Content, signature, authorities, TestTime.Now).IsValid);
        var accepted = 0;
        for (var i = 0; i < signature.Length; i++)
        {
            var changed = signature.ToArray();
            changed[i] ^= 0x01;

            var fast = SignatureVerifier.Verify(Content, changed, authorities, TestTime.Now);
            var general = SignatureVerifier.VerifyWithSignedCms(Content, changed, authorities, TestTime.Now);

            Assert.True(fast.IsValid == general.IsValid,
                $"byte {i}: fast {fast.Failure ?? "valid"}, general {general.Failure ?? "valid"}");
            accepted += fast.IsValid ? 1 : 0;
        }

        // A few bits may change nothing that is checked (for instance a signed-attribute value nobody reads).
        Assert.True(accepted < signature.Length / 20, $"{accepted} of {signature.Length} changes were accepted");
    }

    /// <summary>A signature whose signed attributes (content type, message digest, signing time) it covers.</summary>
    private static byte[] WithSignedAttributes(byte[] content)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, TestCertificates.ClientSigning)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(new Pkcs9SigningTime(TestTime.Now.UtcDateTime));
        cms.ComputeSignature(signer, silent: true);
        var encoded = cms.Encode();
        Assert.True(CmsSignature.TryRead(encoded, out var read) && read.SignedAttributes is not null);
        return encoded;
    }

    [Fact]
    public void OtherContent_IsRefusedByItsDigest()
    {
        var signature = new MessageSigner(TestCertificates.ClientSigning).Sign(Content);

        var check = SignatureVerifier.Verify([1, 2, 3], signature, TestFederation.Read().Authorities, TestTime.Now);

        Assert.StartsWith("signature does not verify over the content: ", check.Failure, StringComparison.Ordinal);
    }
}
