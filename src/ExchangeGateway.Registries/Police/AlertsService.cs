using ExchangeGateway.Registries.Data;
using ExchangeGateway.Registries.Hosting;
using Grpc.Core;

namespace ExchangeGateway.Registries.Police;

/// <summary>Alerts on wanted persons, stolen documents and entry bans.</summary>
internal sealed class AlertsService(Population population) : V1.Alerts.AlertsBase
{
    public override Task<V1.CheckAlertsResponse> CheckAlerts(V1.CheckAlertsRequest request, ServerCallContext context)
    {
        var query = DocumentQuery.Parse(request.DocumentNumber, request.Nationality);
        var person = population.FindHolder(query, RegistryNames.Alerts);
        return Task.FromResult(PoliceMessages.Alerts(person, population.AlertsOf(person.DocumentNumber)));
    }
}
