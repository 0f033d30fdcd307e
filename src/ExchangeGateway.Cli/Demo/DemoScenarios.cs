using ExchangeGateway.Registries.Data;
using ExchangeGateway.Registries.ForeignAffairs.V1;
using ExchangeGateway.Registries.Migration.V1;
using ExchangeGateway.Registries.Police.V1;
using Grpc.Core;

namespace ExchangeGateway.Cli.Demo;

/// <summary>The demo's scenarios, on persons picked from the generated population.</summary>
internal static class DemoScenarios
{
    public static IReadOnlyList<Scenario> For(Population population)
    {
        var resident = population.FirstWithPermit();
        var protectedPerson = population.FirstWithTemporaryProtection();
        var applicant = population.FirstWithAlert();
        var traveller = population.FirstWithVisaApplication();
        var migration = DemoAgencies.Migration;
        var police = DemoAgencies.Police;
        var foreign = DemoAgencies.ForeignAffairs;
        const string Permits = "migration.v1.ResidencePermits";
        const string Alerts = "police.v1.Alerts";
        return
        [
            new("A border officer checks a traveller's residence permit", police, police.Client,
                migration.Service(Permits), "GetPermit", "OK", async (invoker, headers) =>
                {
                    var permit = await new ResidencePermits.ResidencePermitsClient(invoker).GetPermitAsync(
                        new GetPermitRequest { DocumentNumber = resident.DocumentNumber }, headers);
                    return $"permit {permit.PermitNumber} {permit.PermitType} {permit.Status} " +
                        $"until {permit.ValidUntil}";
                }, resident.DocumentNumber),
            new("The consulate checks temporary protection before a visa decision", foreign, foreign.Client,
                migration.Service(Permits), "GetProtectionStatus", "OK", async (invoker, headers) =>
                {
                    var status = await new ResidencePermits.ResidencePermitsClient(invoker).GetProtectionStatusAsync(
                        new GetProtectionStatusRequest { DocumentNumber = protectedPerson.DocumentNumber }, headers);
                    return $"{status.Nationality} {status.State} until {status.ValidUntil}";
                }, protectedPerson.DocumentNumber),
            new("Migration checks police alerts on an application", migration, migration.Client,
                police.Service(Alerts), "CheckAlerts", "OK", async (invoker, headers) =>
                {
                    var result = await new Alerts.AlertsClient(invoker).CheckAlertsAsync(
                        new CheckAlertsRequest { DocumentNumber = applicant.DocumentNumber }, headers);
                    var types = string.Join(", ", result.Alerts.Select(a => a.AlertType));
                    return $"{result.Alerts.Count} alert(s): {types}";
                }, applicant.DocumentNumber),
            new("Foreign affairs calls police alerts without a grant", foreign, foreign.Client,
                police.Service(Alerts), "CheckAlerts", "PERMISSION_DENIED ACCESS_DENIED", async (invoker, headers) =>
                {
                    await new Alerts.AlertsClient(invoker).CheckAlertsAsync(
                        new CheckAlertsRequest { DocumentNumber = applicant.DocumentNumber }, headers);
                    return "answered";
                }, applicant.DocumentNumber),
            new("A registry's own NOT_FOUND passes through, signed", police, police.Client,
                migration.Service(Permits), "GetPermit", "NOT_FOUND", async (invoker, headers) =>
                {
                    await new ResidencePermits.ResidencePermitsClient(invoker).GetPermitAsync(
                        new GetPermitRequest { DocumentNumber = "ZZ0000000" }, headers);
                    return "answered";
                }, "ZZ0000000"),
            new("A call to a service that is not in the federation", police, police.Client,
                $"{migration.Member}/asylum-registry:{Permits}", "GetPermit", "NOT_FOUND UNKNOWN_SERVICE",
                async (invoker, headers) =>
                {
                    await new ResidencePermits.ResidencePermitsClient(invoker).GetPermitAsync(
                        new GetPermitRequest { DocumentNumber = resident.DocumentNumber }, headers);
                    return "answered";
                }, resident.DocumentNumber),
            new("A call with a bad client identifier", police, $"{police.Member}/border control",
                migration.Service(Permits), "GetPermit", "INVALID_ARGUMENT BAD_IDENTIFIER", async (invoker, headers) =>
                {
                    await new ResidencePermits.ResidencePermitsClient(invoker).GetPermitAsync(
                        new GetPermitRequest { DocumentNumber = resident.DocumentNumber }, headers);
                    return "answered";
                }, resident.DocumentNumber),
            new("Border police look up a traveller's visa application (member-wide grant)", police, police.Client,
                foreign.Service("foreignaffairs.v1.Visas"), "GetApplication", "OK", async (invoker, headers) =>
                {
                    var application = await new Visas.VisasClient(invoker).GetApplicationAsync(
                        new GetApplicationRequest { DocumentNumber = traveller.DocumentNumber }, headers);
                    return $"application {application.ApplicationNumber} {application.Status}";
                }, traveller.DocumentNumber),
        ];
    }
}
