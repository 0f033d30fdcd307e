namespace ExchangeGateway.Registries.TravelDocuments;

/// <summary>Sex as printed on a travel document (ICAO 9303 Part 4: F, M, or unspecified).</summary>
public enum Sex
{
    /// <summary>Not specified; printed as <c>&lt;</c> in the machine-readable zone.</summary>
    Unspecified = 0,

    /// <summary>Female; printed as <c>F</c>.</summary>
    Female = 1,

    /// <summary>Male; printed as <c>M</c>.</summary>
    Male = 2,
}
