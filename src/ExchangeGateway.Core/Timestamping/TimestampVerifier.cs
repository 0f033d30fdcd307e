using System.Diagnostics.CodeAnalysis;
using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Federation;
using ExchangeGateway.Core.Signing;

namespace ExchangeGateway.Core.Timestamping;

/// <summary>
/// Checks an RFC 3161 time-stamp token against the data it should cover and the federation configuration. Needs
/// nothing but the token, the hash and the configuration, so an auditor can run it offline, years later.
/// </summary>
/// <remarks>
/// Checks, in order, each named by <see cref="TimestampFailure"/>: (1) structure: a CMS SignedData over a DER
/// TSTInfo with one signer; (2) the signer's certificate is in the token; (3) the signature; (4) the ESS
/// signing-certificate attribute names that certificate; (5) the message imprint; (6) the nonce, when the token
/// answers a request of ours; (7) the certificate's time-stamping purpose; (8) its path to a federation CA at the
/// token's time; (9) its registration to a listed authority.
/// </remarks>
public static class TimestampVerifier
{
    /// <summary>Verifies <paramref name="token"/> (DER ContentInfo) over <paramref name="expectedSha256"/>.</summary>
    /// <returns>The checked token, or the first check that failed; never throws for a bad token.</returns>
    public static TimestampCheck Verify(byte[] token, byte[] expectedSha256, FederationConfiguration federation) =>
        Verify(token, expectedSha256, federation, expectedNonce: null);

    /// <summary>As <see cref="Verify(byte[], byte[], FederationConfiguration)"/>, and the nonce must equal
    /// <paramref name="expectedNonce"/> when that is given.</summary>
    internal static TimestampCheck Verify(
        byte[] token, byte[] expectedSha256, FederationConfiguration federation, ReadOnlyMemory<byte>? expectedNonce)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(expectedSha256);
        ArgumentNullException.ThrowIfNull(federation);

        // (1) Structure.
        if (!TryDecode(token, out var cms, out var info, out var structureFailure))
        {
            return TimestampCheck.Invalid(TimestampFailure.Malformed, structureFailure);
        }

        // (2) RFC 5652 section 5.3: the sid names a certificate in the token; we always ask for it (certReq).
        var signerInfo = cms.SignerInfos[0];
        var signer = signerInfo.Certificate;
        if (signer is null)
        {
            return TimestampCheck.Invalid(TimestampFailure.SignerCertificate,
                "the token does not carry the authority's certificate");
        }

        // (3) RFC 5652 sections 5.4 and 5.6: message digest of the TSTInfo, then the signature over the attributes.
        try
        {
            signerInfo.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException ex)
        {
            return TimestampCheck.Invalid(TimestampFailure.Signature, $"the signature does not verify: {ex.Message}");
        }

        // (4) RFC 3161 section 2.4.1, RFC 5816: the signed ESSCertID(v2) names the signer's certificate.
        var essFailure = EssSigningCertificate.Check(signerInfo, signer);
        if (essFailure is not null)
        {
            return TimestampCheck.Invalid(TimestampFailure.SignerCertificate, essFailure);
        }

        return CheckContent(info, expectedSha256, expectedNonce)
            ?? CheckSigner(token, cms, signer, info, federation);
    }

    private static TimestampCheck? CheckContent(
        Rfc3161TimestampTokenInfo info, byte[] expectedSha256, ReadOnlyMemory<byte>? expectedNonce)
    {
        // (5) RFC 3161 section 2.4.2: messageImprint is the hash of the data, with the algorithm asked for.
        if (info.HashAlgorithmId.Value != TimestampOids.Sha256)
        {
            return TimestampCheck.Invalid(TimestampFailure.Imprint,
                $"the imprint uses {info.HashAlgorithmId.Value}, not SHA-256");
        }

        if (!info.GetMessageHash().Span.SequenceEqual(expectedSha256))
        {
            return TimestampCheck.Invalid(TimestampFailure.Imprint,
                $"the token covers {Convert.ToHexStringLower(info.GetMessageHash().Span)}, " +
                $"not {Convert.ToHexStringLower(expectedSha256)}");
        }

        // (6) RFC 3161 section 2.4.2: the nonce MUST be the one of the request; compared as integers.
        if (expectedNonce is { } nonce)
        {
            var actual = info.GetNonce();
            if (actual is null || AsInteger(actual.Value.Span) != AsInteger(nonce.Span))
            {
                return TimestampCheck.Invalid(TimestampFailure.Nonce, actual is null
                    ? "the token has no nonce"
                    : $"the token's nonce {Convert.ToHexStringLower(actual.Value.Span)} is not the request's " +
                        Convert.ToHexStringLower(nonce.Span));
            }
        }

        return null;
    }

    private static TimestampCheck CheckSigner(
        byte[] token,
        SignedCms cms,
        X509Certificate2 signer,
        Rfc3161TimestampTokenInfo info,
        FederationConfiguration federation)
    {
        // (7) RFC 3161 section 2.3 and RFC 5280 sections 4.2.1.3, 4.2.1.12.
        var purposeFailure = CheckPurpose(signer);
        if (purposeFailure is not null)
        {
            return TimestampCheck.Invalid(TimestampFailure.Purpose, purposeFailure);
        }

        // (8) RFC 5280 section 6: a path to a federation CA, valid at the time the token asserts.
        var time = TstInfoTime.Read(cms.ContentInfo.Content) ?? info.Timestamp;
        var chainFailure = CertificateChains.Validate(
            signer, federation.Authorities, time, cms.Certificates, TimestampOids.TimeStampingPurpose);
        if (chainFailure is not null)
        {
            return TimestampCheck.Invalid(TimestampFailure.Chain, chainFailure);
        }

        // (9) The federation configuration lists the authority and registers this certificate to it.
        if (federation.IsRevoked(signer))
        {
            return TimestampCheck.Invalid(TimestampFailure.NotRegistered,
                $"certificate '{signer.Subject}' is revoked in the federation configuration");
        }

        var authority = federation.TimestampingAuthorityByCertificate(signer);
        if (authority is null)
        {
            return TimestampCheck.Invalid(TimestampFailure.NotRegistered,
                $"certificate '{signer.Subject}' is not registered to a listed time-stamping authority");
        }

        return TimestampCheck.Valid(new TimestampToken(token, time, authority.Name), signer);
    }

    private static string? CheckPurpose(X509Certificate2 signer)
    {
        // RFC 3161 section 2.3: exactly one extended key usage extension, critical, with id-kp-timeStamping only.
        var purposes = signer.Extensions.OfType<X509EnhancedKeyUsageExtension>().ToArray();
        if (purposes.Length != 1)
        {
            return $"certificate '{signer.Subject}' has {purposes.Length} extended key usage extensions, expected one";
        }

        var only = purposes[0].EnhancedKeyUsages;
        if (only.Count != 1 || only[0].Value != TimestampOids.TimeStampingPurpose)
        {
            return $"certificate '{signer.Subject}' is not for time-stamping alone (id-kp-timeStamping)";
        }

        if (!purposes[0].Critical)
        {
            return $"certificate '{signer.Subject}' has a non-critical time-stamping purpose";
        }

        // RFC 5280 section 4.2.1.3: when key usage is present it must allow signatures.
        var usage = signer.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        const X509KeyUsageFlags signing = X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation;
        if (usage is not null && (usage.KeyUsages & signing) == 0)
        {
            return $"certificate '{signer.Subject}' key usage does not allow signing";
        }

        return null;
    }

    private static bool TryDecode(
        byte[] token,
        [NotNullWhen(true)] out SignedCms? cms,
        [NotNullWhen(true)] out Rfc3161TimestampTokenInfo? info,
        [NotNullWhen(false)] out string? failure)
    {
        cms = null;
        info = null;
        failure = null;
        try
        {
            // RFC 5652 section 3: one ContentInfo, nothing after it.
            if (new AsnReader(token, AsnEncodingRules.BER).ReadEncodedValue().Length != token.Length)
            {
                failure = "the token has data after its ContentInfo";
                return false;
            }

            var decoded = new SignedCms();
            decoded.Decode(token);

            // RFC 3161 section 2.4.2: SignedData encapsulating a DER TSTInfo.
            if (decoded.Detached || decoded.ContentInfo.ContentType.Value != TimestampOids.TstInfo)
            {
                failure = $"the token's content is {decoded.ContentInfo.ContentType.Value}, not id-ct-TSTInfo";
                return false;
            }

            var content = decoded.ContentInfo.Content;
            if (!Rfc3161TimestampTokenInfo.TryDecode(content, out var decodedInfo, out var consumed)
                || consumed != content.Length)
            {
                failure = "the token's TSTInfo is not DER";
                return false;
            }

            // RFC 3161 section 2.4.2: no signature other than the authority's.
            if (decoded.SignerInfos.Count != 1)
            {
                failure = $"the token has {decoded.SignerInfos.Count} signers, expected 1";
                return false;
            }

            cms = decoded;
            info = decodedInfo;
            return true;
        }
        catch (Exception ex) when (ex is CryptographicException or AsnContentException)
        {
            failure = $"the token is not a CMS SignedData: {ex.Message}";
            return false;
        }
    }

    private static BigInteger AsInteger(ReadOnlySpan<byte> bytes) => new(bytes, isUnsigned: true, isBigEndian: true);
}
