namespace ExchangeGateway.Registries.Data;

/// <summary>Whether a residence permit is in force on <see cref="Population.ReferenceDate"/>.</summary>
public enum PermitStatus
{
    /// <summary>Not set.</summary>
    Unspecified = 0,

    /// <summary>In force.</summary>
    Active = 1,

    /// <summary>Past its validity.</summary>
    Expired = 2,

    /// <summary>Withdrawn before its validity ended.</summary>
    Revoked = 3,
}
