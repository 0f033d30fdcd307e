namespace ExchangeGateway.Core.Timestamping;

/// <summary>
/// The check a time-stamp reply or token failed; <see cref="TimestampVerifier"/> lists the order it runs them in.
/// </summary>
public enum TimestampFailure
{
    /// <summary>Every check passed.</summary>
    None = 0,

    /// <summary>The reply or token is not the DER structure RFC 3161 section 2.4.2 and RFC 5652 define.</summary>
    Malformed,

    /// <summary>The authority did not grant the request (RFC 3161 section 2.4.2, PKIStatus).</summary>
    Status,

    /// <summary>The token does not carry, or does not bind, the certificate of its signer (RFC 3161 section 2.4.1,
    /// RFC 5035 section 5.4: ESS signing-certificate attribute).</summary>
    SignerCertificate,

    /// <summary>The CMS signature does not verify over the token's content (RFC 5652 section 5.6).</summary>
    Signature,

    /// <summary>The message imprint is not the SHA-256 of the data (RFC 3161 section 2.4.2, messageImprint).</summary>
    Imprint,

    /// <summary>The nonce differs from the request's (RFC 3161 section 2.4.2, nonce).</summary>
    Nonce,

    /// <summary>The signer's certificate lacks the sole, critical id-kp-timeStamping purpose (RFC 3161 section 2.3)
    /// or a signing key usage (RFC 5280 section 4.2.1.3).</summary>
    Purpose,

    /// <summary>The signer's certificate does not chain to a federation CA at the token's time (RFC 5280 section 6).
    /// </summary>
    Chain,

    /// <summary>The signer's certificate is not registered to a time-stamping authority listed in the federation
    /// configuration, or it is revoked there.</summary>
    NotRegistered,
}
