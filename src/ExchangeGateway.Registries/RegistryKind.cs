namespace ExchangeGateway.Registries;

/// <summary>The agencies of the demo federation that run a registry.</summary>
public enum RegistryKind
{
    /// <summary>The General Inspectorate for Migration: foreigners, residence permits, temporary protection.</summary>
    Migration = 0,

    /// <summary>The police: border crossings and alerts.</summary>
    Police = 1,

    /// <summary>The Ministry of Foreign Affairs: visa applications.</summary>
    ForeignAffairs = 2,
}
