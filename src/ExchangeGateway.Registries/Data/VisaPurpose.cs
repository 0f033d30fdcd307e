namespace ExchangeGateway.Registries.Data;

/// <summary>The purpose of the journey a visa is applied for.</summary>
public enum VisaPurpose
{
    /// <summary>Not set.</summary>
    Unspecified = 0,

    /// <summary>Tourism.</summary>
    Tourism = 1,

    /// <summary>Business.</summary>
    Business = 2,

    /// <summary>Visiting or joining family.</summary>
    Family = 3,

    /// <summary>Study.</summary>
    Study = 4,

    /// <summary>Work.</summary>
    Work = 5,

    /// <summary>Medical treatment.</summary>
    Medical = 6,

    /// <summary>Transit.</summary>
    Transit = 7,
}
