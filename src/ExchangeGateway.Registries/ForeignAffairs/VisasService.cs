using ExchangeGateway.Registries.Data;
using ExchangeGateway.Registries.Hosting;
using Grpc.Core;

namespace ExchangeGateway.Registries.ForeignAffairs;

/// <summary>Visa applications lodged at consulates and through the e-Visa service.</summary>
internal sealed class VisasService(Population population) : V1.Visas.VisasBase
{
    private const string Registry = RegistryNames.Visas;
    private const int MaxApplicationNumberLength = 32;

    public override Task<V1.VisaApplication> GetApplication(
        V1.GetApplicationRequest request, ServerCallContext context)
    {
        var query = DocumentQuery.Parse(request.DocumentNumber, request.Nationality);
        var applicationNumber = ParseApplicationNumber(request.ApplicationNumber);
        var person = population.FindHolder(query, Registry);
        var applications = population.VisaApplicationsOf(person.DocumentNumber);

        var application = applicationNumber is null
            ? (applications.Count > 0 ? applications[^1] : null)
            : applications.FirstOrDefault(candidate => candidate.ApplicationNumber == applicationNumber);
        if (application is null)
        {
            var which = applicationNumber is null ? "visa application" : $"visa application {applicationNumber}";
            throw RegistryErrors.NotFound(Registry, $"{Registry} has no {which} for travel document {query}.");
        }

        return Task.FromResult(VisaMessages.Application(person, application));
    }

    public override Task<V1.ListApplicationsResponse> ListApplications(
        V1.ListApplicationsRequest request, ServerCallContext context)
    {
        var query = DocumentQuery.Parse(request.DocumentNumber, request.Nationality);
        var person = population.FindHolder(query, Registry);
        var applications = population.VisaApplicationsOf(person.DocumentNumber);
        return Task.FromResult(VisaMessages.Applications(person, applications));
    }

    /// <summary>Null for "the most recent"; otherwise letters, digits and hyphens, upper-cased.</summary>
    private static string? ParseApplicationNumber(string applicationNumber)
    {
        if (applicationNumber.Length == 0)
        {
            return null;
        }

        if (applicationNumber.Length > MaxApplicationNumberLength
            || !applicationNumber.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw RegistryErrors.InvalidArgument(
                $"application_number must be at most {MaxApplicationNumberLength} letters, digits and hyphens.");
        }

        return applicationNumber.ToUpperInvariant();
    }
}
