namespace ExchangeGateway.Registries.Data;

/// <summary>What a police alert is about.</summary>
public enum AlertType
{
    /// <summary>Not set.</summary>
    Unspecified = 0,

    /// <summary>The holder is wanted for arrest.</summary>
    WantedPerson = 1,

    /// <summary>The document was reported stolen.</summary>
    StolenDocument = 2,

    /// <summary>The holder is banned from entering Moldova.</summary>
    EntryBan = 3,
}
