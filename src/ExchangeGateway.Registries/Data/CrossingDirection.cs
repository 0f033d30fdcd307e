namespace ExchangeGateway.Registries.Data;

/// <summary>Whether a border crossing entered or left Moldova.</summary>
public enum CrossingDirection
{
    /// <summary>Not set.</summary>
    Unspecified = 0,

    /// <summary>Into Moldova.</summary>
    Entry = 1,

    /// <summary>Out of Moldova.</summary>
    Exit = 2,
}
