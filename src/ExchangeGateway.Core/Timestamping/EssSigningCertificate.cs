using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace ExchangeGateway.Core.Timestamping;

/// <summary>
/// The ESS signing-certificate attribute a token must carry (RFC 3161 section 2.4.1): it binds the signature to
/// one certificate, so that a certificate swapped into the token cannot pass for the signer.
/// </summary>
internal static class EssSigningCertificate
{
    /// <summary>Returns null when the first ESSCertID(v2) in the signed attributes names <paramref name="signer"/>;
    /// otherwise the reason.</summary>
    public static string? Check(SignerInfo signerInfo, X509Certificate2 signer)
    {
        foreach (var attribute in signerInfo.SignedAttributes)
        {
            var version2 = attribute.Oid.Value == TimestampOids.SigningCertificateV2;
            if (!version2 && attribute.Oid.Value != TimestampOids.SigningCertificate)
            {
                continue;
            }

            if (attribute.Values.Count != 1)
            {
                return "the signing-certificate attribute must have exactly one value";
            }

            return CheckValue(attribute.Values[0].RawData, version2, signer);
        }

        return "the token has no ESS signing-certificate attribute (RFC 3161 section 2.4.1)";
    }

    private static string? CheckValue(byte[] value, bool version2, X509Certificate2 signer)
    {
        string hashAlgorithm;
        byte[] certificateHash;
        try
        {
            // SigningCertificate(V2) ::= SEQUENCE { certs SEQUENCE OF ESSCertID(v2), policies ... OPTIONAL }
            var signingCertificate = new AsnReader(value, AsnEncodingRules.DER).ReadSequence();
            var first = signingCertificate.ReadSequence().ReadSequence();

            // ESSCertIDv2 ::= SEQUENCE { hashAlgorithm DEFAULT sha256, certHash, issuerSerial OPTIONAL }
            // ESSCertID   ::= SEQUENCE { certHash (SHA-1), issuerSerial OPTIONAL }
            hashAlgorithm = version2 ? TimestampOids.Sha256 : TimestampOids.Sha1;
            if (version2 && first.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
            {
                hashAlgorithm = first.ReadSequence().ReadObjectIdentifier();
            }

            certificateHash = first.ReadOctetString();
        }
        catch (AsnContentException ex)
        {
            return $"the signing-certificate attribute is not DER: {ex.Message}";
        }

        HashAlgorithmName? name = hashAlgorithm switch
        {
            TimestampOids.Sha1 => HashAlgorithmName.SHA1,
            TimestampOids.Sha256 => HashAlgorithmName.SHA256,
            TimestampOids.Sha384 => HashAlgorithmName.SHA384,
            TimestampOids.Sha512 => HashAlgorithmName.SHA512,
            _ => null,
        };
        if (name is null)
        {
            return $"the signing-certificate attribute uses an unknown hash algorithm {hashAlgorithm}";
        }

        // The first ESSCertID names the signer's certificate (RFC 5035 section 5.4).
        var actual = CryptographicOperations.HashData(name.Value, signer.RawData);
        return actual.AsSpan().SequenceEqual(certificateHash)
            ? null
            : $"the signing-certificate attribute names another certificate than '{signer.Subject}'";
    }
}
