namespace ExchangeGateway.Registries.Data;

/// <summary>Where a temporary protection case stands.</summary>
public enum ProtectionState
{
    /// <summary>Not set.</summary>
    Unspecified = 0,

    /// <summary>Applied for, no decision yet.</summary>
    Pending = 1,

    /// <summary>Protection granted.</summary>
    Granted = 2,

    /// <summary>Protection refused.</summary>
    Rejected = 3,
}
