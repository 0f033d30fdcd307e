namespace ExchangeGateway.Registries.Data.Generation;

/// <summary>The records of the police registries, drawn from a population.</summary>
internal sealed record PoliceRecords(
    IReadOnlyList<BorderCrossingRecord> Crossings,
    IReadOnlyList<AlertRecord> Alerts);
