using ExchangeGateway.Registries.Data;
using ExchangeGateway.Registries.Tests.Fakes;

namespace ExchangeGateway.Registries.Tests.Data;

public sealed class PopulationSelectionTests
{
    // Ten characters: no generated passport number is that long.
    private const string UnknownDocument = "XX12345678";

    private static Population Population => SharedPopulation.Default;

    [Fact]
    public void FirstWithPermit_DefaultPopulation_ReturnsHolderOfAnActiveNonProtectionPermit()
    {
        var permit = Population.FindPermit(Population.FirstWithPermit().DocumentNumber);

        Assert.NotNull(permit);
        Assert.Equal(PermitStatus.Active, permit.Status);
        Assert.NotEqual(PermitType.TemporaryProtection, permit.Type);
    }

    [Fact]
    public void FirstWithTemporaryProtection_DefaultPopulation_ReturnsBeneficiary()
    {
        var person = Population.FirstWithTemporaryProtection();

        Assert.Equal(ProtectionState.Granted, Population.FindProtectionCase(person.DocumentNumber)?.State);
    }

    [Fact]
    public void FirstWithAlert_DefaultPopulation_ReturnsPersonWithAlert()
    {
        Assert.NotEmpty(Population.AlertsOf(Population.FirstWithAlert().DocumentNumber));
    }

    [Fact]
    public void FirstWithoutAlert_DefaultPopulation_ReturnsPersonWithoutAlert()
    {
        Assert.Empty(Population.AlertsOf(Population.FirstWithoutAlert().DocumentNumber));
    }

    [Fact]
    public void FirstWithVisaApplication_DefaultPopulation_ReturnsApplicant()
    {
        Assert.NotEmpty(Population.VisaApplicationsOf(Population.FirstWithVisaApplication().DocumentNumber));
    }

    [Fact]
    public void FirstWithAlert_PopulationWithoutAlerts_ThrowsNamingWhatIsMissing()
    {
        var tiny = Population.Generate(count: 1);
        Assert.Empty(tiny.Alerts);

        var error = Assert.Throws<InvalidOperationException>(() => tiny.FirstWithAlert());

        Assert.Contains("a police alert", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lookups_UnknownDocument_FindNothing()
    {
        Assert.Null(Population.FindPerson(UnknownDocument));
        Assert.Null(Population.FindPermit(UnknownDocument));
        Assert.Null(Population.FindProtectionCase(UnknownDocument));
        Assert.Empty(Population.CrossingsOf(UnknownDocument));
        Assert.Empty(Population.AlertsOf(UnknownDocument));
        Assert.Empty(Population.VisaApplicationsOf(UnknownDocument));
    }
}
