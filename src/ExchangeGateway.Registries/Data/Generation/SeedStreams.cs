namespace ExchangeGateway.Registries.Data.Generation;

/// <summary>
/// Separate random streams per registry, all derived from the population seed, so that changing how one
/// registry's records are drawn leaves the persons and the other registries as they were.
/// </summary>
internal static class SeedStreams
{
    public const int Migration = 1;
    public const int Police = 2;
    public const int ForeignAffairs = 3;

    // A fixed mix, not HashCode.Combine: that one is salted per process and would break determinism.
    public static int Derive(int seed, int stream) => unchecked((seed * 1_000_003) ^ (stream * 7_919));
}
