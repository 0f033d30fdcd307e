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
    private static readonly VerifiedCache<(byte[] Signature, X509Certificate2 Signer)> Batches = new();
    private static readonly VerifiedCache<X509Certificate2> Certificates = new();

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

        // Every message of a batch carries the same signature over the same root: verify it once. The root and
        // size find the batch; the signature's bytes, compared whole, must be the ones verified.
        var key = string.Concat(Convert.ToHexString(root), "/",
            decoded.Size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Batches.TryGet(key, out var verified) && verified.Signature.AsSpan().SequenceEqual(signature))
        {
            var failure = CertificateChains.Validate(verified.Signer, authorities, at);
            return failure is null ? SignatureCheck.Valid(verified.Signer) : SignatureCheck.Invalid(failure);
        }

        var check = Verify(SignedBatch.Content(root, decoded.Size), signature, authorities, at);
        if (check.IsValid)
        {
            Batches.Add(key, (signature.ToArray(), check.Signer));
        }

        return check;
    }

    /// <summary>Verifies <paramref name="signature"/> over <paramref name="content"/>.</summary>
    /// <remarks>
    /// A plain ECDSA SHA-256 signature (what members' gateways make) is checked from its parts
    /// (<see cref="CmsSignature"/>) against a certificate object kept per embedded certificate; anything else by
    /// <see cref="SignedCms"/>. Both check the same things: the signer's certificate is embedded, the content-type
    /// and message-digest attributes match the content, the signature over the signed attributes verifies with the
    /// signer's key, and the certificate chains to <paramref name="authorities"/> at <paramref name="at"/>.
    /// </remarks>
    public static SignatureCheck Verify(
        byte[] content, byte[] signature, X509Certificate2Collection authorities, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(signature);
        if (CmsSignature.TryRead(signature, out var parsed) && parsed.DigestAlgorithm == CmsOids.Sha256
            && parsed.SignatureAlgorithm is CmsOids.EcdsaWithSha256 or CmsOids.EcPublicKey)
        {
            try
            {
                return VerifyEcdsa(content, parsed, authorities, at);
            }
            catch (CryptographicException)
            {
                // An embedded certificate or key that does not load: the general check names the problem.
            }
        }

        return VerifyWithSignedCms(content, signature, authorities, at);
    }

    private static SignatureCheck VerifyEcdsa(
        byte[] content, CmsSignature signature, X509Certificate2Collection authorities, DateTimeOffset at)
    {
        var included = new X509Certificate2Collection();
        X509Certificate2? signer = null;
        foreach (var encoded in signature.Certificates)
        {
            var certificate = Certificate(encoded);
            included.Add(certificate);
            if (signer is null && certificate.SerialNumberBytes.Span.SequenceEqual(signature.Serial.Span)
                && certificate.IssuerName.RawData.AsSpan().SequenceEqual(signature.Issuer.Span))
            {
                signer = certificate;
            }
        }

        if (signer is null)
        {
            return SignatureCheck.Invalid("signature does not include the signer's certificate");
        }

        // With signed attributes the signature covers them, and they bind the content by its digest and type (the
        // detached content is plain data, whatever the unsigned eContentType says, as SignedCms reads it); without,
        // the signature covers the content itself (RFC 5652 section 5.4).
        var signed = signature.SignedAttributes ?? content;
        if (signature.SignedAttributes is not null
            && (signature.ContentTypeAttributeValue != CmsOids.Data
                || signature.MessageDigest is not { } digest || !digest.Span.SequenceEqual(SHA256.HashData(content))))
        {
            return SignatureCheck.Invalid(
                "signature does not verify over the content: its message digest or content type differs");
        }

        using var key = signer.GetECDsaPublicKey();
        if (key is null || !key.VerifyData(signed, signature.Signature.Span,
                HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
        {
            return SignatureCheck.Invalid(
                "signature does not verify over the content: the signature does not match the signer's key");
        }

        var chainFailure = CertificateChains.Validate(signer, authorities, at, included);
        return chainFailure is null ? SignatureCheck.Valid(signer) : SignatureCheck.Invalid(chainFailure);
    }

    /// <summary>One certificate object per embedded certificate, kept like the verified batches.</summary>
    private static X509Certificate2 Certificate(ReadOnlyMemory<byte> encoded)
    {
        var key = Convert.ToHexString(SHA256.HashData(encoded.Span));
        if (!Certificates.TryGet(key, out var certificate))
        {
            certificate = X509CertificateLoader.LoadCertificate(encoded.Span);
            Certificates.Add(key, certificate);
        }

        return certificate;
    }

    /// <summary>The general check, by <see cref="SignedCms"/>, for any signature the fast reading declines.</summary>
    internal static SignatureCheck VerifyWithSignedCms(
        byte[] content, byte[] signature, X509Certificate2Collection authorities, DateTimeOffset at)
    {
        try
        {
            return CheckWithSignedCms(content, signature, authorities, at);
        }
        catch (CryptographicException ex)
        {
            // An embedded certificate that is not one, say: refused, never thrown at the caller.
            return SignatureCheck.Invalid($"signature is not well-formed CMS: {ex.Message}");
        }
    }

    private static SignatureCheck CheckWithSignedCms(
        byte[] content, byte[] signature, X509Certificate2Collection authorities, DateTimeOffset at)
    {
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
