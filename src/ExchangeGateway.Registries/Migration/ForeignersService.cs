using ExchangeGateway.Registries.Data;
using ExchangeGateway.Registries.Hosting;
using Grpc.Core;

namespace ExchangeGateway.Registries.Migration;

/// <summary>The foreigners register: who holds a travel document.</summary>
internal sealed class ForeignersService(Population population) : V1.Foreigners.ForeignersBase
{
    public override Task<V1.Foreigner> GetForeigner(V1.GetForeignerRequest request, ServerCallContext context)
    {
        var query = DocumentQuery.Parse(request.DocumentNumber, request.Nationality);
        var person = population.FindHolder(query, RegistryNames.Foreigners);
        var permit = population.FindPermit(person.DocumentNumber);
        return Task.FromResult(MigrationMessages.Foreigner(person, permit));
    }
}
