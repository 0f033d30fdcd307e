namespace ExchangeGateway.Core.Signing;

/// <summary>The object identifiers of the CMS signatures members make and check (RFC 5652, RFC 5758).</summary>
internal static class CmsOids
{
    /// <summary>id-data, the content type of a detached message.</summary>
    public const string Data = "1.2.840.113549.1.7.1";

    /// <summary>id-signedData.</summary>
    public const string SignedData = "1.2.840.113549.1.7.2";

    /// <summary>id-contentType, the signed attribute naming the content type.</summary>
    public const string ContentTypeAttribute = "1.2.840.113549.1.9.3";

    /// <summary>id-messageDigest, the signed attribute holding the content's digest.</summary>
    public const string MessageDigestAttribute = "1.2.840.113549.1.9.4";

    /// <summary>id-sha256.</summary>
    public const string Sha256 = "2.16.840.1.101.3.4.2.1";

    /// <summary>ecdsa-with-SHA256.</summary>
    public const string EcdsaWithSha256 = "1.2.840.10045.4.3.2";

    /// <summary>id-ecPublicKey, which some signers name as the signature algorithm.</summary>
    public const string EcPublicKey = "1.2.840.10045.2.1";
}
