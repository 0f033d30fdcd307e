using ExchangeGateway.Registries.Data;
using ExchangeGateway.Registries.Hosting;
using Grpc.Core;

namespace ExchangeGateway.Registries.Police;

/// <summary>Entries into and exits from Moldova recorded by the Border Police.</summary>
internal sealed class BorderCrossingsService(Population population) : V1.BorderCrossings.BorderCrossingsBase
{
    public override Task<V1.ListCrossingsResponse> ListCrossings(
        V1.ListCrossingsRequest request, ServerCallContext context)
    {
        var query = DocumentQuery.Parse(request.DocumentNumber, request.Nationality);
        var person = population.FindHolder(query, RegistryNames.BorderCrossings);
        return Task.FromResult(PoliceMessages.Crossings(person, population.CrossingsOf(person.DocumentNumber)));
    }
}
