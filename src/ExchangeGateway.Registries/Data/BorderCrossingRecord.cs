namespace ExchangeGateway.Registries.Data;

/// <summary>One entry into or exit from Moldova recorded by the Border Police.</summary>
/// <param name="CrossingId">Identifier of the record, unique across the population.</param>
/// <param name="DocumentNumber">Passport number presented.</param>
/// <param name="CrossedAt">When the passport was checked, in UTC.</param>
/// <param name="Direction">Entry or exit.</param>
/// <param name="CrossingPoint">Name of the border crossing point, e.g. "Leuseni".</param>
/// <param name="NeighbouringState">
/// ISO 3166-1 alpha-3 code of the state across a land border; empty at an airport.
/// </param>
/// <param name="TransportMode">Road, rail or air.</param>
public sealed record BorderCrossingRecord(
    string CrossingId,
    string DocumentNumber,
    DateTimeOffset CrossedAt,
    CrossingDirection Direction,
    string CrossingPoint,
    string NeighbouringState,
    TransportMode TransportMode);
