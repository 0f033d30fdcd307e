using ExchangeGateway.Registries.Data;
using ExchangeGateway.Registries.Tests.Fakes;

namespace ExchangeGateway.Registries.Tests.Data;

public sealed class PopulationGenerationTests
{
    [Fact]
    public void Generate_Defaults_HasAtLeastTenThousandPersons()
    {
        var population = SharedPopulation.Default;

        Assert.True(population.Persons.Count >= 10_000, $"{population.Persons.Count} persons");
        Assert.Equal(Population.DefaultSeed, population.Seed);
    }

    [Fact]
    public void Generate_SameSeedTwice_GivesEqualPersonsAndRecords()
    {
        var first = Population.Generate();
        var second = Population.Generate();

        Assert.Equal(first.Persons, second.Persons);
        Assert.Equal(first.ResidencePermits, second.ResidencePermits);
        Assert.Equal(first.ProtectionCases, second.ProtectionCases);
        Assert.Equal(first.BorderCrossings, second.BorderCrossings);
        Assert.Equal(first.Alerts, second.Alerts);
        Assert.Equal(first.VisaApplications, second.VisaApplications);
    }

    [Fact]
    public void Generate_DifferentSeed_GivesDifferentPersons()
    {
        var other = Population.Generate(seed: Population.DefaultSeed + 1);

        Assert.NotEqual(SharedPopulation.Default.Persons[0], other.Persons[0]);
        var shared = SharedPopulation.Default.Persons.Select(person => person.DocumentNumber)
            .Intersect(other.Persons.Select(person => person.DocumentNumber), StringComparer.Ordinal)
            .Count();
        Assert.True(shared < 100, $"{shared} passport numbers in common");
    }

    [Fact]
    public void Generate_SmallCount_GivesThatManyPersons()
    {
        Assert.Equal(25, Population.Generate(count: 25).Persons.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(Population.MaxCount + 1)]
    public void Generate_CountOutOfRange_Throws(int count)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Population.Generate(count: count));
    }
}
