using ExchangeGateway.Registries.Data;
using ExchangeGateway.Registries.Hosting;
using Grpc.Core;

namespace ExchangeGateway.Registries.Migration;

/// <summary>Residence permits and temporary protection cases.</summary>
internal sealed class ResidencePermitsService(Population population) : V1.ResidencePermits.ResidencePermitsBase
{
    private const string Registry = RegistryNames.ResidencePermits;

    public override Task<V1.ResidencePermit> GetPermit(V1.GetPermitRequest request, ServerCallContext context)
    {
        var query = DocumentQuery.Parse(request.DocumentNumber, request.Nationality);
        var person = population.FindHolder(query, Registry);
        var permit = population.FindPermit(person.DocumentNumber)
            ?? throw RegistryErrors.NotFound(
                Registry, $"{Registry} has no residence permit for travel document {query}.");
        return Task.FromResult(MigrationMessages.Permit(person, permit));
    }

    public override Task<V1.ProtectionStatus> GetProtectionStatus(
        V1.GetProtectionStatusRequest request, ServerCallContext context)
    {
        var query = DocumentQuery.Parse(request.DocumentNumber, request.Nationality);
        var person = population.FindHolder(query, Registry);
        var protection = population.FindProtectionCase(person.DocumentNumber)
            ?? throw RegistryErrors.NotFound(
                Registry, $"{Registry} has no temporary protection case for travel document {query}.");
        return Task.FromResult(MigrationMessages.Protection(person, protection));
    }
}
