using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace ExchangeGateway.Core.Signing;

/// <summary>
/// Signs bytes with a member's signing key as CMS SignedData with detached content (RFC 5652), SHA-256 digest,
/// the signer's certificate included, so that <c>openssl cms -verify -binary -content FILE</c> can check it.
/// </summary>
/// <remarks>
/// With an ECDSA key the SignedData is written directly with <see cref="AsnWriter"/>, in exactly the form
/// <see cref="SignedCms"/> gives (no signed attributes, the signature over the content, ecdsa-with-SHA256): the
/// certificate, its issuer and serial are encoded once, and a signature costs the ECDSA operation and little
/// more, where <see cref="SignedCms"/> spends several times that on certificate objects. Other keys go the
/// <see cref="SignedCms"/> way.
/// </remarks>
public sealed class MessageSigner
{
    private static readonly Asn1Tag Context0 = new(TagClass.ContextSpecific, 0, isConstructed: true);

    private readonly X509Certificate2 _certificate;
    private readonly ECDsa? _ecdsa;

    /// <summary>Creates a signer for <paramref name="certificate"/>, which must carry its private key.</summary>
    public MessageSigner(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (!certificate.HasPrivateKey)
        {
            throw new ArgumentException("the signing certificate has no private key", nameof(certificate));
        }

        _certificate = certificate;
        _ecdsa = certificate.GetECDsaPrivateKey();
    }

    /// <summary>The signing certificate.</summary>
    public X509Certificate2 Certificate => _certificate;

    /// <summary>Signs <paramref name="content"/> and returns the DER-encoded CMS ContentInfo.</summary>
    /// <exception cref="CryptographicException">The content is empty, or the key cannot sign.</exception>
    public byte[] Sign(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
        {
            // As SignedCms does: a detached signature over nothing proves nothing.
            throw new CryptographicException("cannot sign empty content");
        }

        return _ecdsa is null ? SignWithSignedCms(content) : Write(_ecdsa.SignData(
            content, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    private byte[] Write(byte[] signature)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER, initialCapacity: _certificate.RawDataMemory.Length + 256);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(CmsOids.SignedData);
            using (writer.PushSequence(Context0))
            using (writer.PushSequence())
            {
                writer.WriteInteger(1);
                using (writer.PushSetOf())
                {
                    Algorithm(writer, CmsOids.Sha256);
                }

                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(CmsOids.Data);
                }

                using (writer.PushSetOf(Context0))
                {
                    writer.WriteEncodedValue(_certificate.RawDataMemory.Span);
                }

                using (writer.PushSetOf())
                using (writer.PushSequence())
                {
                    writer.WriteInteger(1);
                    using (writer.PushSequence())
                    {
                        writer.WriteEncodedValue(_certificate.IssuerName.RawData);
                        writer.WriteInteger(_certificate.SerialNumberBytes.Span);
                    }

                    Algorithm(writer, CmsOids.Sha256);
                    Algorithm(writer, CmsOids.EcdsaWithSha256);
                    writer.WriteOctetString(signature);
                }
            }
        }

        return writer.Encode();
    }

    private static void Algorithm(AsnWriter writer, string oid)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(oid);
        }
    }

    private byte[] SignWithSignedCms(byte[] content)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, _certificate)
        {
            DigestAlgorithm = new Oid(CmsOids.Sha256, "sha256"),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }
}
