namespace ExchangeGateway.Core.Timestamping;

/// <summary>PKIStatus of a time-stamp reply (RFC 3161 section 2.4.2).</summary>
public enum TimestampStatus
{
    /// <summary>A token is present, as requested.</summary>
    Granted = 0,

    /// <summary>A token is present, with modifications the requester should look at.</summary>
    GrantedWithMods = 1,

    /// <summary>The request was refused; see the failure information.</summary>
    Rejection = 2,

    /// <summary>The request is not handled yet (not used by RFC 3161 over HTTP).</summary>
    Waiting = 3,

    /// <summary>A revocation is imminent.</summary>
    RevocationWarning = 4,

    /// <summary>A revocation has occurred.</summary>
    RevocationNotification = 5,
}
