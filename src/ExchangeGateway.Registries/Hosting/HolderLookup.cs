using ExchangeGateway.Registries.Data;

namespace ExchangeGateway.Registries.Hosting;

/// <summary>Finds the person a query names, the first step of every registry call.</summary>
internal static class HolderLookup
{
    /// <exception cref="Grpc.Core.RpcException">NOT_FOUND when no person holds the document.</exception>
    public static Person FindHolder(this Population population, DocumentQuery query, string registry)
    {
        var person = population.FindPerson(query.DocumentNumber);
        return person is not null && query.Matches(person)
            ? person
            : throw RegistryErrors.NotFound(registry, $"{registry} has no record of travel document {query}.");
    }
}
