namespace ExchangeGateway.Core.Timestamping;

/// <summary>The object identifiers RFC 3161 and its neighbours use.</summary>
internal static class TimestampOids
{
    /// <summary>id-ct-TSTInfo, the eContentType of a token (RFC 3161 section 2.4.2).</summary>
    public const string TstInfo = "1.2.840.113549.1.9.16.1.4";

    /// <summary>id-kp-timeStamping (RFC 3161 section 2.3).</summary>
    public const string TimeStampingPurpose = "1.3.6.1.5.5.7.3.8";

    /// <summary>id-aa-signingCertificate, ESSCertID over SHA-1 (RFC 2634 section 5.4).</summary>
    public const string SigningCertificate = "1.2.840.113549.1.9.16.2.12";

    /// <summary>id-aa-signingCertificateV2, ESSCertIDv2 (RFC 5035 section 3, RFC 5816).</summary>
    public const string SigningCertificateV2 = "1.2.840.113549.1.9.16.2.47";

    /// <summary>id-sha1.</summary>
    public const string Sha1 = "1.3.14.3.2.26";

    /// <summary>id-sha256.</summary>
    public const string Sha256 = "2.16.840.1.101.3.4.2.1";

    /// <summary>id-sha384.</summary>
    public const string Sha384 = "2.16.840.1.101.3.4.2.2";

    /// <summary>id-sha512.</summary>
    public const string Sha512 = "2.16.840.1.101.3.4.2.3";
}
