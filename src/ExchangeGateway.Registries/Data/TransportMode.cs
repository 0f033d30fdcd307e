namespace ExchangeGateway.Registries.Data;

/// <summary>How a traveller crossed the border.</summary>
public enum TransportMode
{
    /// <summary>Not set.</summary>
    Unspecified = 0,

    /// <summary>By road.</summary>
    Road = 1,

    /// <summary>By train.</summary>
    Rail = 2,

    /// <summary>By air.</summary>
    Air = 3,
}
