namespace ExchangeGateway.Registries.Data;

/// <summary>How many entries a visa allows.</summary>
public enum VisaEntries
{
    /// <summary>Not set.</summary>
    Unspecified = 0,

    /// <summary>One entry.</summary>
    SingleEntry = 1,

    /// <summary>Any number of entries within the validity.</summary>
    MultipleEntry = 2,
}
