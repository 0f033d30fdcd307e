namespace ExchangeGateway.Registries.Data;

/// <summary>The ground on which a residence permit is granted.</summary>
public enum PermitType
{
    /// <summary>Not set.</summary>
    Unspecified = 0,

    /// <summary>Temporary residence for work.</summary>
    TemporaryWork = 1,

    /// <summary>Temporary residence for study.</summary>
    TemporaryStudy = 2,

    /// <summary>Temporary residence for family reunification.</summary>
    TemporaryFamily = 3,

    /// <summary>Permanent residence.</summary>
    Permanent = 4,

    /// <summary>The permit issued to a beneficiary of temporary protection.</summary>
    TemporaryProtection = 5,
}
