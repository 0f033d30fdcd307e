using ExchangeGateway.Registries.Migration.V1;
using ExchangeGateway.Registries.Tests.Fakes;

namespace ExchangeGateway.Registries.Tests.Migration;

public sealed class MigrationRegistryTests
{
    [Fact]
    public async Task GetForeigner_KnownDocument_ReturnsTheHolderAsRegistered()
    {
        await using var running = await RunningRegistry.StartAsync(RegistryKind.Migration);
        var client = new Foreigners.ForeignersClient(running.Channel);
        var person = running.Population.FirstWithPermit();

        var foreigner = await RpcAssert.Succeeds(
            client.GetForeignerAsync(
                new GetForeignerRequest { DocumentNumber = person.DocumentNumber }, deadline: TestTimeouts.Deadline),
            RegistryNames.Foreigners);

        Assert.Equal(person.DocumentNumber, foreigner.DocumentNumber);
        Assert.Equal("P", foreigner.DocumentType);
        Assert.Equal(person.Nationality, foreigner.Nationality);
        Assert.Equal(person.Surname, foreigner.Surname);
        Assert.Equal(person.GivenNames, foreigner.GivenNames);
        Assert.Equal(person.DateOfBirth.ToString("yyyy-MM-dd", null), foreigner.DateOfBirth);
        Assert.Equal(person.Mrz.Line1, foreigner.MrzLine1);
        Assert.Equal(person.Mrz.Line2, foreigner.MrzLine2);
        Assert.NotEqual(ResidenceStatus.Visitor, foreigner.ResidenceStatus);
        Assert.NotEqual(ResidenceStatus.Unspecified, foreigner.ResidenceStatus);
    }

    [Fact]
    public async Task GetForeigner_LowerCaseNumberAndMatchingNationality_FindsTheHolder()
    {
        await using var running = await RunningRegistry.StartAsync(RegistryKind.Migration);
        var client = new Foreigners.ForeignersClient(running.Channel);
        var person = running.Population.Persons[0];
        var request = new GetForeignerRequest
        {
            DocumentNumber = person.DocumentNumber.ToLowerInvariant(),
            Nationality = person.Nationality.ToLowerInvariant(),
        };

        var foreigner = await RpcAssert.Succeeds(
            client.GetForeignerAsync(request, deadline: TestTimeouts.Deadline), RegistryNames.Foreigners);

        Assert.Equal(person.DocumentNumber, foreigner.DocumentNumber);
    }

    [Fact]
    public async Task GetForeigner_UnknownDocument_IsNotFoundWithRegistryTrailer()
    {
        await using var running = await RunningRegistry.StartAsync(RegistryKind.Migration);
        var client = new Foreigners.ForeignersClient(running.Channel);

        await RpcAssert.IsNotFound(
            client.GetForeignerAsync(
                new GetForeignerRequest { DocumentNumber = RpcAssert.UnknownDocument },
                deadline: TestTimeouts.Deadline),
            RegistryNames.Foreigners);
    }

    [Fact]
    public async Task GetForeigner_OtherNationality_IsNotFound()
    {
        await using var running = await RunningRegistry.StartAsync(RegistryKind.Migration);
        var client = new Foreigners.ForeignersClient(running.Channel);
        var person = running.Population.Persons[0];
        var otherNationality = person.Nationality == "USA" ? "CAN" : "USA";
        var request = new GetForeignerRequest
        {
            DocumentNumber = person.DocumentNumber,
            Nationality = otherNationality,
        };

        await RpcAssert.IsNotFound(
            client.GetForeignerAsync(request, deadline: TestTimeouts.Deadline), RegistryNames.Foreigners);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("AB-123456", "")]
    [InlineData("AB 123456", "")]
    [InlineData("ÄB1234567", "")]
    [InlineData("A12345678901234567890", "")]
    [InlineData("AB1234567", "UA")]
    [InlineData("AB1234567", "U1A")]
    public async Task GetForeigner_MalformedQuery_IsInvalidArgument(string documentNumber, string nationality)
    {
        await using var running = await RunningRegistry.StartAsync(RegistryKind.Migration);
        var client = new Foreigners.ForeignersClient(running.Channel);
        var request = new GetForeignerRequest { DocumentNumber = documentNumber, Nationality = nationality };

        await RpcAssert.IsInvalidArgument(client.GetForeignerAsync(request, deadline: TestTimeouts.Deadline));
    }

    [Fact]
    public async Task GetPermit_PermitHolder_ReturnsTheActivePermit()
    {
        await using var running = await RunningRegistry.StartAsync(RegistryKind.Migration);
        var client = new ResidencePermits.ResidencePermitsClient(running.Channel);
        var person = running.Population.FirstWithPermit();
        var expected = running.Population.FindPermit(person.DocumentNumber)!;

        var permit = await RpcAssert.Succeeds(
            client.GetPermitAsync(
                new GetPermitRequest { DocumentNumber = person.DocumentNumber }, deadline: TestTimeouts.Deadline),
            RegistryNames.ResidencePermits);

        Assert.Equal(expected.PermitNumber, permit.PermitNumber);
        Assert.Equal(PermitStatus.Active, permit.Status);
        Assert.NotEqual(PermitType.TemporaryProtection, permit.PermitType);
        Assert.Equal(expected.ValidUntil.ToString("yyyy-MM-dd", null), permit.ValidUntil);
        Assert.Equal(person.Surname, permit.Surname);
        Assert.False(string.IsNullOrEmpty(permit.Locality));
    }

    [Fact]
    public async Task GetPermit_PersonWithoutPermit_IsNotFoundWithRegistryTrailer()
    {
        await using var running = await RunningRegistry.StartAsync(RegistryKind.Migration);
        var client = new ResidencePermits.ResidencePermitsClient(running.Channel);
        var visitor = running.Population.Persons.First(p => running.Population.FindPermit(p.DocumentNumber) is null);

        await RpcAssert.IsNotFound(
            client.GetPermitAsync(
                new GetPermitRequest { DocumentNumber = visitor.DocumentNumber }, deadline: TestTimeouts.Deadline),
            RegistryNames.ResidencePermits);
    }

    [Fact]
    public async Task GetProtectionStatus_Beneficiary_ReturnsGrantedProtectionWithDecisionDate()
    {
        await using var running = await RunningRegistry.StartAsync(RegistryKind.Migration);
        var client = new ResidencePermits.ResidencePermitsClient(running.Channel);
        var person = running.Population.FirstWithTemporaryProtection();
        var request = new GetProtectionStatusRequest { DocumentNumber = person.DocumentNumber, Nationality = "UKR" };

        var status = await RpcAssert.Succeeds(
            client.GetProtectionStatusAsync(request, deadline: TestTimeouts.Deadline), RegistryNames.ResidencePermits);

        Assert.Equal(ProtectionState.Granted, status.State);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", status.DecidedOn);
        Assert.Equal(running.Population.FindPermit(person.DocumentNumber)!.PermitNumber, status.PermitNumber);
        Assert.Contains("21/2023", status.LegalBasis, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetProtectionStatus_PersonWhoNeverApplied_IsNotFound()
    {
        await using var running = await RunningRegistry.StartAsync(RegistryKind.Migration);
        var client = new ResidencePermits.ResidencePermitsClient(running.Channel);
        var person = running.Population.Persons.First(p => p.Nationality != "UKR");
        var request = new GetProtectionStatusRequest { DocumentNumber = person.DocumentNumber };

        await RpcAssert.IsNotFound(
            client.GetProtectionStatusAsync(request, deadline: TestTimeouts.Deadline), RegistryNames.ResidencePermits);
    }

    [Fact]
    public async Task GetPermit_EmptyDocumentNumber_IsInvalidArgument()
    {
        await using var running = await RunningRegistry.StartAsync(RegistryKind.Migration);
        var client = new ResidencePermits.ResidencePermitsClient(running.Channel);

        await RpcAssert.IsInvalidArgument(
            client.GetPermitAsync(new GetPermitRequest(), deadline: TestTimeouts.Deadline));
    }
}
