using System.Diagnostics.CodeAnalysis;
using System.Formats.Asn1;

namespace ExchangeGateway.Core.Signing;

/// <summary>
/// The parts of a DER CMS SignedData with one signer (RFC 5652 section 5) that checking it needs, read with
/// <see cref="AsnReader"/> and no certificate objects: the embedded certificates as DER, the signer's issuer and
/// serial number, the algorithms, the signed attributes as they were signed, and the signature value.
/// </summary>
/// <remarks>
/// <see cref="System.Security.Cryptography.Pkcs.SignedCms"/> makes a certificate object of every embedded
/// certificate on each check, which costs several times the signature verification itself; this reading lets
/// <see cref="SignatureVerifier"/> keep one object per certificate instead. Anything unusual (BER, several signers,
/// a subject key identifier, other certificate choices) is not read here and goes the
/// <see cref="System.Security.Cryptography.Pkcs.SignedCms"/> way.
/// </remarks>
internal sealed class CmsSignature
{
    private static readonly Asn1Tag Context0 = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag Context1 = new(TagClass.ContextSpecific, 1, isConstructed: true);

    private CmsSignature()
    {
    }

    /// <summary>The embedded certificates, each as DER.</summary>
    public List<ReadOnlyMemory<byte>> Certificates { get; } = [];

    /// <summary>The signer's issuer name (DER).</summary>
    public ReadOnlyMemory<byte> Issuer { get; private set; }

    /// <summary>The signer's certificate serial number (the INTEGER's content octets).</summary>
    public ReadOnlyMemory<byte> Serial { get; private set; }

    /// <summary>The signer's digest algorithm.</summary>
    public string DigestAlgorithm { get; private set; } = "";

    /// <summary>The signature algorithm.</summary>
    public string SignatureAlgorithm { get; private set; } = "";

    /// <summary>
    /// The signed attributes, re-tagged as the SET OF that the signature covers (section 5.4); null when there are
    /// none and the signature covers the content itself (allowed for id-data content only).
    /// </summary>
    public byte[]? SignedAttributes { get; private set; }

    /// <summary>The type of the signed content (eContentType).</summary>
    public string ContentType { get; private set; } = "";

    /// <summary>The content-type attribute's value.</summary>
    public string? ContentTypeAttributeValue { get; private set; }

    /// <summary>The message-digest attribute's value.</summary>
    public ReadOnlyMemory<byte>? MessageDigest { get; private set; }

    /// <summary>The signature value.</summary>
    public ReadOnlyMemory<byte> Signature { get; private set; }

    /// <summary>Reads <paramref name="encoded"/>; false when it is not of the plain form described above.</summary>
    public static bool TryRead(ReadOnlyMemory<byte> encoded, [NotNullWhen(true)] out CmsSignature? signature)
    {
        signature = null;
        try
        {
            var read = new CmsSignature();
            var contentInfo = new AsnReader(encoded, AsnEncodingRules.DER).ReadSequence();
            if (contentInfo.ReadObjectIdentifier() != CmsOids.SignedData)
            {
                return false;
            }

            var explicitContent = contentInfo.ReadSequence(Context0);
            var signedData = explicitContent.ReadSequence();
            if (explicitContent.HasData || !Version(signedData, 1))
            {
                return false;
            }

            var digestAlgorithms = signedData.ReadSetOf();
            while (digestAlgorithms.HasData)
            {
                Algorithm(digestAlgorithms);
            }

            var encapsulated = signedData.ReadSequence();
            read.ContentType = encapsulated.ReadObjectIdentifier();
            if (encapsulated.HasData)
            {
                return false;
            }

            if (signedData.PeekTag().HasSameClassAndValue(Context0))
            {
                var certificates = signedData.ReadSetOf(Context0);
                while (certificates.HasData)
                {
                    if (certificates.PeekTag() != Asn1Tag.Sequence)
                    {
                        return false;
                    }

                    read.Certificates.Add(certificates.ReadEncodedValue());
                }
            }

            if (signedData.HasData && signedData.PeekTag().HasSameClassAndValue(Context1))
            {
                signedData.ReadEncodedValue();
            }

            var signers = signedData.ReadSetOf();
            var signer = signers.ReadSequence();
            if (signers.HasData || signedData.HasData || contentInfo.HasData || !read.ReadSigner(signer))
            {
                return false;
            }

            signature = read;
            return true;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }

    /// <summary>Reads an INTEGER version; true when it is <paramref name="expected"/>.</summary>
    private static bool Version(AsnReader reader, int expected) =>
        reader.TryReadInt32(out var version) && version == expected;

    /// <summary>Reads an AlgorithmIdentifier: an OID with absent or NULL parameters.</summary>
    private static string Algorithm(AsnReader reader)
    {
        var sequence = reader.ReadSequence();
        var oid = sequence.ReadObjectIdentifier();
        if (sequence.HasData)
        {
            sequence.ReadNull();
        }

        sequence.ThrowIfNotEmpty();
        return oid;
    }

    private bool ReadSigner(AsnReader signer)
    {
        if (!Version(signer, 1) || signer.PeekTag() != Asn1Tag.Sequence)
        {
            return false;
        }

        var sid = signer.ReadSequence();
        if (sid.PeekTag() != Asn1Tag.Sequence)
        {
            return false;
        }

        Issuer = sid.ReadEncodedValue();
        Serial = sid.ReadIntegerBytes();
        DigestAlgorithm = Algorithm(signer);
        if (signer.PeekTag().HasSameClassAndValue(Context0))
        {
            // The signature covers the DER of the SET OF attributes: the same octets under the universal SET tag.
            var attributes = signer.ReadEncodedValue().ToArray();
            attributes[0] = 0x31;
            SignedAttributes = attributes;
        }

        SignatureAlgorithm = Algorithm(signer);
        Signature = signer.ReadOctetString();
        if (signer.HasData && signer.PeekTag().HasSameClassAndValue(Context1))
        {
            signer.ReadEncodedValue();
        }

        return !sid.HasData && !signer.HasData && (SignedAttributes is null || ReadAttributes());
    }

    private bool ReadAttributes()
    {
        var set = new AsnReader(SignedAttributes!, AsnEncodingRules.DER).ReadSetOf();
        while (set.HasData)
        {
            var attribute = set.ReadSequence();
            var type = attribute.ReadObjectIdentifier();
            var values = attribute.ReadSetOf();
            if (type == CmsOids.ContentTypeAttribute)
            {
                if (ContentTypeAttributeValue is not null)
                {
                    return false;
                }

                ContentTypeAttributeValue = values.ReadObjectIdentifier();
            }
            else if (type == CmsOids.MessageDigestAttribute)
            {
                if (MessageDigest is not null)
                {
                    return false;
                }

                MessageDigest = values.ReadOctetString();
            }
            else
            {
                continue;
            }

            if (values.HasData)
            {
                return false;
            }
        }

        return true;
    }
}
