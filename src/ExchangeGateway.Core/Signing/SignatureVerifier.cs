using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace ExchangeGateway.Core.Signing;

/// <summary>
/// Checks a detached CMS signature (RFC 5652 section 5.6) over given content, then the signer's certificate path
/// against the federation's CAs at a given time (RFC 5280).
/// </summary>
public static class SignatureVerifier
{
    private static readonly VerifiedCache<X509Certificate2> Batches = new();

    /// <summary>
    /// Verifies a message's share of a batch signature: the proof leads from the SHA-256 of
    /// <paramref name="envelope"/> to a root, and <paramref name="signature"/> signs that root's
    /// <see cref="SignedBatch.Content"/>. Without a proof, the signature must be over the envelope itself.
    /// </summary>
    public static SignatureCheck VerifyMessage(
        byte[] envelope, byte[] signature, byte[]? proof, X509Certificate2Collection authorities, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (proof is null)
        {
            return Verify(envelope, signature, authorities, at);
        }

        if (!Merkle.InclusionProof.TryDecode(proof, out var decoded))
        {
            return SignatureCheck.Invalid("inclusion proof is not DER");
        }

        var root = decoded.RootFor(SHA256.HashData(envelope));
        if (root is null)
        {
            return SignatureCheck.Invalid("inclusion proof does not fit its index and tree size");
        }

        // Every message of a batch carries the same signature over the same root: verify it once.
        var key = string.Concat(Convert.ToHexString(SHA256.HashData(signature)), Convert.ToHexString(root),
            decoded.Size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Batches.TryGet(key, out var signer))
        {
            var failure = CertificateChains.Validate(signer, authorities, at);
            return failure is null ? SignatureCheck.Valid(signer) : SignatureCheck.Invalid(failure);
        }

        var check = Verify(SignedBatch.Content(root, decoded.Size), signature, authorities, at);
        if (check.IsValid)
        {
            Batches.Add(key, check.Signer);
        }

        return check;
    }

    /// <summary>Verifies <paramref name="signature"/> over <paramref name="content"/>.</summary>
    public static SignatureCheck Verify(
        byte[] content, byte[] signature, X509Certificate2Collection authorities, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(signature);
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        try
        {
            cms.Decode(signature);
        }
        catch (CryptographicException ex)
        {
            return SignatureCheck.Invalid($"signature is not CMS SignedData: {ex.Message}");
        }

        if (cms.SignerInfos.Count != 1)
        {
            return SignatureCheck.Invalid($"signature has {cms.SignerInfos.Count} signers, expected 1");
        }

        var signerInfo = cms.SignerInfos[0];
        var signer = signerInfo.Certificate;
        if (signer is null)
        {
            return SignatureCheck.Invalid("signature does not include the signer's certificate");
        }

        try
        {
            signerInfo.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException ex)
        {
            signer.Dispose();
            return SignatureCheck.Invalid($"signature does not verify over the content: {ex.Message}");
        }

        // Each access to Certificates makes new objects; release them here rather than leave them to finalizers.
        var included = cms.Certificates;
        try
        {
            var chainFailure = CertificateChains.Validate(signer, authorities, at, included);
            if (chainFailure is null)
            {
                return SignatureCheck.Valid(signer);
            }

            signer.Dispose();
            return SignatureCheck.Invalid(chainFailure);
        }
        finally
        {
            foreach (var certificate in included)
            {
                certificate.Dispose();
            }
        }
    }
}
