namespace ExchangeGateway.Registries;

/// <summary>The metadata keys the demo registries add to their responses.</summary>
public static class RegistryHeaders
{
    /// <summary>Response header on every response, success or error: the registry that answered.</summary>
    public const string RegistryName = "registry-name";

    /// <summary>Trailer on a NOT_FOUND response: the registry that holds no such record.</summary>
    public const string RegistryRecord = "registry-record";
}
