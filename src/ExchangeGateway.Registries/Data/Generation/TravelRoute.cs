namespace ExchangeGateway.Registries.Data.Generation;

/// <summary>How nationals of a state usually reach Moldova, which decides their border crossing points.</summary>
internal enum TravelRoute
{
    /// <summary>Overland across the Ukrainian border.</summary>
    Ukraine,

    /// <summary>Overland across the Romanian border, from the European Union.</summary>
    Romania,

    /// <summary>By air, into Chisinau.</summary>
    Air,
}
