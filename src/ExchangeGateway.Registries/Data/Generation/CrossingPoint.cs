namespace ExchangeGateway.Registries.Data.Generation;

/// <summary>A border crossing point of Moldova.</summary>
internal sealed record CrossingPoint(string Name, string NeighbouringState, TransportMode Mode)
{
    public static readonly CrossingPoint ChisinauAirport =
        new("Chisinau International Airport", "", TransportMode.Air);

    /// <summary>Crossing points on the border with Romania.</summary>
    public static readonly IReadOnlyList<CrossingPoint> RomanianBorder =
    [
        new("Leuseni", "ROU", TransportMode.Road),
        new("Sculeni", "ROU", TransportMode.Road),
        new("Giurgiulesti", "ROU", TransportMode.Road),
        new("Cahul", "ROU", TransportMode.Road),
        new("Costesti", "ROU", TransportMode.Road),
        new("Ungheni", "ROU", TransportMode.Rail),
    ];

    /// <summary>Crossing points on the border with Ukraine.</summary>
    public static readonly IReadOnlyList<CrossingPoint> UkrainianBorder =
    [
        new("Palanca", "UKR", TransportMode.Road),
        new("Otaci", "UKR", TransportMode.Road),
        new("Criva", "UKR", TransportMode.Road),
        new("Tudora", "UKR", TransportMode.Road),
        new("Giurgiulesti", "UKR", TransportMode.Road),
    ];
}
