namespace ExchangeGateway.Core.Timestamping;

/// <summary>
/// PKIFailureInfo of a refused time-stamp request (RFC 3161 section 2.4.2); flag value <c>1 &lt;&lt; n</c> is the
/// named bit n of the ASN.1 BIT STRING.
/// </summary>
[Flags]
public enum TimestampFailureInfo
{
    /// <summary>No failure information.</summary>
    None = 0,

    /// <summary>Unrecognised or unsupported hash algorithm (bit 0).</summary>
    BadAlg = 1 << 0,

    /// <summary>Transaction not permitted or supported (bit 2).</summary>
    BadRequest = 1 << 2,

    /// <summary>The data submitted has the wrong format (bit 5).</summary>
    BadDataFormat = 1 << 5,

    /// <summary>The TSA's time source is not available (bit 14).</summary>
    TimeNotAvailable = 1 << 14,

    /// <summary>The requested TSA policy is not supported (bit 15).</summary>
    UnacceptedPolicy = 1 << 15,

    /// <summary>The requested extension is not supported (bit 16).</summary>
    UnacceptedExtension = 1 << 16,

    /// <summary>The additional information requested is not available (bit 17).</summary>
    AddInfoNotAvailable = 1 << 17,

    /// <summary>The request cannot be handled due to system failure (bit 25).</summary>
    SystemFailure = 1 << 25,
}
