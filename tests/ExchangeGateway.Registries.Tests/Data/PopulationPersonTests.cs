using System.Globalization;
using ExchangeGateway.Registries.Data;
using ExchangeGateway.Registries.Tests.Fakes;
using ExchangeGateway.Registries.TravelDocuments;

namespace ExchangeGateway.Registries.Tests.Data;

public sealed class PopulationPersonTests
{
    // ISO 3166-1 alpha-3 codes of states whose nationals plausibly live in or visit Moldova. Written out here,
    // apart from the generator's catalogue, so that a made-up or alpha-2 code there fails this test.
    private static readonly HashSet<string> IsoAlpha3Codes = new(StringComparer.Ordinal)
    {
        "UKR", "ROU", "RUS", "BLR", "BGR", "POL", "HUN", "SVK", "CZE", "LTU", "LVA", "EST", "DEU", "AUT", "CHE",
        "FRA", "ITA", "ESP", "PRT", "GBR", "IRL", "NLD", "BEL", "LUX", "DNK", "SWE", "NOR", "FIN", "GRC", "CYP",
        "SRB", "MKD", "ALB", "MNE", "BIH", "HRV", "SVN", "TUR", "ISR", "AZE", "GEO", "ARM", "KAZ", "UZB", "KGZ",
        "TJK", "TKM", "CHN", "IND", "PAK", "BGD", "VNM", "JPN", "KOR", "IRN", "IRQ", "SYR", "LBN", "JOR", "ARE",
        "SAU", "EGY", "MAR", "TUN", "DZA", "LBY", "NGA", "GHA", "KEN", "ETH", "ZAF", "USA", "CAN", "MEX", "BRA",
        "ARG", "AUS", "NZL",
    };

    private static IReadOnlyList<Person> Persons => SharedPopulation.Default.Persons;

    [Fact]
    public void Generate_EveryPerson_HasAnMrzWhoseChecksPass()
    {
        var failures = Persons
            .Select(person => (person.DocumentNumber, Validity: Mrz.ValidateTd3(person.Mrz.Line1, person.Mrz.Line2)))
            .Where(result => result.Validity != MrzValidity.Valid)
            .ToList();

        Assert.Empty(failures);
    }

    [Fact]
    public void Generate_EveryPerson_HasAnMrzThatEncodesTheirFields()
    {
        foreach (var person in Persons)
        {
            var line1 = person.Mrz.Line1;
            var line2 = person.Mrz.Line2;
            Assert.Equal("P<" + person.IssuingState, line1[..5]);
            var name = MrzName(person.Surname) + "<<" + MrzName(person.GivenNames);
            Assert.StartsWith(name, line1[5..], StringComparison.Ordinal);
            Assert.Equal(person.DocumentNumber.PadRight(9, '<'), line2[..9]);
            Assert.Equal(person.Nationality, line2[10..13]);
            Assert.Equal(YyMmDd(person.DateOfBirth), line2[13..19]);
            Assert.Equal(person.Sex == Sex.Female ? 'F' : 'M', line2[20]);
            Assert.Equal(YyMmDd(person.DateOfExpiry), line2[21..27]);
            Assert.Equal(person.PersonalNumber.PadRight(14, '<'), line2[28..42]);
        }
    }

    [Fact]
    public void Generate_Nationalities_AreIsoAlpha3CodesFromTheFixedSet()
    {
        var unknown = Persons.Select(person => person.Nationality).Distinct(StringComparer.Ordinal)
            .Where(code => !IsoAlpha3Codes.Contains(code))
            .ToList();

        Assert.Empty(unknown);
        Assert.All(Persons, person => Assert.Equal(person.Nationality, person.IssuingState));
    }

    [Fact]
    public void Generate_Nationalities_AreAMixLedByUkraine()
    {
        var shares = Persons.GroupBy(person => person.Nationality, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count() / (double)Persons.Count, StringComparer.Ordinal);

        Assert.True(shares.Count >= 20, $"{shares.Count} nationalities");
        Assert.Equal("UKR", shares.MaxBy(pair => pair.Value).Key);
        Assert.InRange(shares["UKR"], 0.30, 0.50);
        Assert.All(
            new[] { "ROU", "RUS", "TUR", "ISR", "ITA", "DEU", "USA", "CHN", "SYR", "BLR", "AZE" },
            code => Assert.True(shares.ContainsKey(code), $"no {code} nationals"));
    }

    [Fact]
    public void Generate_DocumentNumbers_AreUniqueUpperCaseAndFitTheMrz()
    {
        var numbers = Persons.Select(person => person.DocumentNumber).ToList();

        Assert.Equal(numbers.Count, numbers.Distinct(StringComparer.Ordinal).Count());
        Assert.All(numbers, number =>
        {
            Assert.InRange(number.Length, 8, 9);
            Assert.True(number.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)), number);
        });
    }

    [Fact]
    public void Generate_Persons_HavePlausibleDatesAndBothSexes()
    {
        var today = Population.ReferenceDate;

        Assert.All(Persons, person =>
        {
            Assert.InRange(person.DateOfBirth, today.AddYears(-77), today.AddYears(-1));
            Assert.InRange(person.DateOfIssue, person.DateOfBirth, today);
            Assert.True(person.DateOfExpiry > person.DateOfIssue);
            Assert.False(string.IsNullOrWhiteSpace(person.Surname));
            Assert.False(string.IsNullOrWhiteSpace(person.GivenNames));
        });
        Assert.Contains(Persons, person => person.Sex == Sex.Female);
        Assert.Contains(Persons, person => person.Sex == Sex.Male);
        var expired = Persons.Count(person => person.DateOfExpiry < today) / (double)Persons.Count;
        Assert.InRange(expired, 0.001, 0.15);
    }

    [Fact]
    public void Generate_UkrainianPassports_CarryTheRecordNumberWithTheDateOfBirth()
    {
        var ukrainians = Persons.Where(person => person.Nationality == "UKR").ToList();

        Assert.NotEmpty(ukrainians);
        Assert.All(ukrainians, person =>
        {
            Assert.Equal(13, person.PersonalNumber.Length);
            Assert.StartsWith(
                person.DateOfBirth.ToString("yyyyMMdd", CultureInfo.InvariantCulture), person.PersonalNumber,
                StringComparison.Ordinal);
        });
    }

    private static string MrzName(string name) =>
        name.ToUpperInvariant().Replace(' ', '<').Replace('-', '<').Replace("'", "", StringComparison.Ordinal);

    private static string YyMmDd(DateOnly date) => date.ToString("yyMMdd", CultureInfo.InvariantCulture);
}
