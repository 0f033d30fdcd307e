using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Pki;
using ExchangeGateway.Core.Timestamping;

namespace ExchangeGateway.Core.Tests.Timestamping;

/// <summary>
/// A second, independent maker of RFC 3161 tokens and replies, on .NET's own <see cref="SignedCms"/> and
/// <see cref="Rfc3161TimestampTokenInfo"/>: it signs with any certificate, so the tests can make the tokens that a
/// well-behaved authority would never issue.
/// </summary>
internal static class TestTokens
{
    public const string Policy = "2.25.1";

    private const string TstInfo = "1.2.840.113549.1.9.16.1.4";
    private const string SigningCertificateV2 = "1.2.840.113549.1.9.16.2.47";
    private const string Sha256 = "2.16.840.1.101.3.4.2.1";

    public static byte[] Create(
        byte[] imprint,
        X509Certificate2 signer,
        DateTimeOffset time,
        ReadOnlyMemory<byte>? nonce = null,
        bool includeCertificate = true,
        X509Certificate2? essNames = null,
        bool withEss = true,
        string imprintAlgorithm = Sha256)
    {
        var info = new Rfc3161TimestampTokenInfo(new Oid(Policy), new Oid(imprintAlgorithm), imprint,
            CertificateFactory.NewSerial(8), time, nonce: nonce);
        var cms = new SignedCms(new ContentInfo(new Oid(TstInfo), info.Encode()), detached: false);
        var cmsSigner = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, signer)
        {
            DigestAlgorithm = new Oid(Sha256),
            IncludeOption = includeCertificate ? X509IncludeOption.EndCertOnly : X509IncludeOption.None,
        };
        if (withEss)
        {
            cmsSigner.SignedAttributes.Add(new AsnEncodedData(SigningCertificateV2, Ess(essNames ?? signer)));
        }

        cms.ComputeSignature(cmsSigner, silent: true);
        return cms.Encode();
    }

    /// <summary>A TimeStampResp with the given status, failure bits and token.</summary>
    public static byte[] Reply(
        TimestampStatus status, byte[]? token, TimestampFailureInfo failure = 0, string? text = null)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteInteger((int)status);
                if (text is not null)
                {
                    using (writer.PushSequence())
                    {
                        writer.WriteCharacterString(UniversalTagNumber.UTF8String, text);
                    }
                }

                if (failure != 0)
                {
                    writer.WriteNamedBitList(failure);
                }
            }

            if (token is not null)
            {
                writer.WriteEncodedValue(token);
            }
        }

        return writer.Encode();
    }

    /// <summary>The token with one byte of its signature value changed.</summary>
    public static byte[] WithSignatureFlipped(byte[] token)
    {
        var cms = new SignedCms();
        cms.Decode(token);
        var signature = cms.SignerInfos[0].GetSignature();
        var at = token.AsSpan().IndexOf(signature);
        Assert.True(at > 0, "signature value not found in the token");
        var changed = (byte[])token.Clone();

        // Inside r of the ECDSA-Sig-Value, past its SEQUENCE and INTEGER headers.
        changed[at + 8] ^= 0x01;
        return changed;
    }

    private static byte[] Ess(X509Certificate2 certificate)
    {
        // SigningCertificateV2 { certs { ESSCertIDv2 { certHash } } }, hashAlgorithm left at its SHA-256 default.
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence())
        using (writer.PushSequence())
        {
            writer.WriteOctetString(SHA256.HashData(certificate.RawData));
        }

        return writer.Encode();
    }
}
