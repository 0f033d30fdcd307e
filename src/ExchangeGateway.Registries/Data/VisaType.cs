namespace ExchangeGateway.Registries.Data;

/// <summary>The kind of visa applied for.</summary>
public enum VisaType
{
    /// <summary>Not set.</summary>
    Unspecified = 0,

    /// <summary>Type A, airport transit.</summary>
    AirportTransit = 1,

    /// <summary>Type C, short stay of up to 90 days in any 180.</summary>
    ShortStay = 2,

    /// <summary>Type D, long stay.</summary>
    LongStay = 3,
}
