using ExchangeGateway.Registries.ForeignAffairs.V1;
using ExchangeGateway.Registries.Tests.Fakes;

namespace ExchangeGateway.Registries.Tests.ForeignAffairs;

public sealed class ForeignAffairsRegistryTests
{
    [Fact]
    public async Task ListApplications_Applicant_ReturnsEveryApplicationOldestFirst()
    {
        await using var running = await RunningRegistry.StartAsync(RegistryKind.ForeignAffairs);
        var client = new Visas.VisasClient(running.Channel);
        var person = running.Population.FirstWithVisaApplication();
        var expected = running.Population.VisaApplicationsOf(person.DocumentNumber);

        var request = new ListApplicationsRequest
        {
            DocumentNumber = person.DocumentNumber,
            Nationality = person.Nationality,
        };

        var response = await RpcAssert.Succeeds(
            client.ListApplicationsAsync(request, deadline: TestTimeouts.Deadline), RegistryNames.Visas);

        Assert.Equal(
            expected.Select(a => a.ApplicationNumber), response.Applications.Select(a => a.ApplicationNumber));
        Assert.All(response.Applications, application =>
        {
            Assert.Equal(person.DocumentNumber, application.DocumentNumber);
            Assert.NotEqual(ApplicationStatus.Unspecified, application.Status);
            Assert.NotEqual(VisaType.Unspecified, application.VisaType);
            Assert.False(string.IsNullOrEmpty(application.Consulate));
            Assert.Equal(application.Status == ApplicationStatus.Approved, application.VisaNumber.Length > 0);
        });
    }

    [Fact]
    public async Task GetApplication_WithoutApplicationNumber_ReturnsTheMostRecent()
    {
        await using var running = await RunningRegistry.StartAsync(RegistryKind.ForeignAffairs);
        var client = new Visas.VisasClient(running.Channel);
        var person = running.Population.FirstWithVisaApplication();

        var application = await RpcAssert.Succeeds(
            client.GetApplicationAsync(
                new GetApplicationRequest { DocumentNumber = person.DocumentNumber }, deadline: TestTimeouts.Deadline),
            RegistryNames.Visas);

        var latest = running.Population.VisaApplicationsOf(person.DocumentNumber)[^1];
        Assert.Equal(latest.ApplicationNumber, application.ApplicationNumber);
        Assert.Equal(person.Surname, application.Surname);
    }

    [Fact]
    public async Task GetApplication_WithApplicationNumber_ReturnsThatApplication()
    {
        await using var running = await RunningRegistry.StartAsync(RegistryKind.ForeignAffairs);
        var client = new Visas.VisasClient(running.Channel);
        var person = running.Population.FirstWithVisaApplication();
        var first = running.Population.VisaApplicationsOf(person.DocumentNumber)[0];
        var request = new GetApplicationRequest
        {
            DocumentNumber = person.DocumentNumber,
            ApplicationNumber = first.ApplicationNumber.ToLowerInvariant(),
        };

        var application = await RpcAssert.Succeeds(
            client.GetApplicationAsync(request, deadline: TestTimeouts.Deadline), RegistryNames.Visas);

        Assert.Equal(first.ApplicationNumber, application.ApplicationNumber);
        Assert.Equal(first.SubmittedOn.ToString("yyyy-MM-dd", null), application.SubmittedOn);
    }

    [Fact]
    public async Task GetApplication_PersonWhoNeverApplied_IsNotFoundWithRegistryTrailer()
    {
        await using var running = await RunningRegistry.StartAsync(RegistryKind.ForeignAffairs);
        var client = new Visas.VisasClient(running.Channel);
        var person = running.Population.Persons.First(p => p.Nationality == "ROU");

        await RpcAssert.IsNotFound(
            client.GetApplicationAsync(
                new GetApplicationRequest { DocumentNumber = person.DocumentNumber }, deadline: TestTimeouts.Deadline),
            RegistryNames.Visas);
    }

    [Fact]
    public async Task ListApplications_UnknownDocument_IsNotFoundWithRegistryTrailer()
    {
        await using var running = await RunningRegistry.StartAsync(RegistryKind.ForeignAffairs);
        var client = new Visas.VisasClient(running.Channel);

        await RpcAssert.IsNotFound(
            client.ListApplicationsAsync(
                new ListApplicationsRequest { DocumentNumber = RpcAssert.UnknownDocument },
                deadline: TestTimeouts.Deadline),
            RegistryNames.Visas);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("E12345678", "PEK_2025")]
    [InlineData("E12345678", "PEK-2025-000001-PEK-2025-000001-X")]
    public async Task GetApplication_MalformedQuery_IsInvalidArgument(string documentNumber, string applicationNumber)
    {
        await using var running = await RunningRegistry.StartAsync(RegistryKind.ForeignAffairs);
        var client = new Visas.VisasClient(running.Channel);
        var request = new GetApplicationRequest
        {
            DocumentNumber = documentNumber,
            ApplicationNumber = applicationNumber,
        };

        await RpcAssert.IsInvalidArgument(client.GetApplicationAsync(request, deadline: TestTimeouts.Deadline));
    }
}
