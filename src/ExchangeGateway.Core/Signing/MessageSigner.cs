using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace ExchangeGateway.Core.Signing;

/// <summary>
/// Signs bytes with a member's signing key as CMS SignedData with detached content (RFC 5652), SHA-256 digest,
/// the signer's certificate included, so that <c>openssl cms -verify -binary -content FILE</c> can check it.
/// </summary>
public sealed class MessageSigner
{
    private readonly X509Certificate2 _certificate;

    /// <summary>Creates a signer for <paramref name="certificate"/>, which must carry its private key.</summary>
    public MessageSigner(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (!certificate.HasPrivateKey)
        {
            throw new ArgumentException("the signing certificate has no private key", nameof(certificate));
        }

        _certificate = certificate;
    }

    /// <summary>The signing certificate.</summary>
    public X509Certificate2 Certificate => _certificate;

    /// <summary>Signs <paramref name="content"/> and returns the DER-encoded CMS ContentInfo.</summary>
    public byte[] Sign(byte[] content)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, _certificate)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1", "sha256"),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }
}
