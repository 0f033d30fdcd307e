using System.Globalization;
using ExchangeGateway.Registries.TravelDocuments;

namespace ExchangeGateway.Registries.Data.Generation;

/// <summary>Draws the persons of a population: nationality, name, sex, birth, passport and its MRZ.</summary>
internal sealed class PersonGenerator
{
    // Bounds the redraws of a colliding passport number; the pattern spaces are far larger than any population.
    private const int MaxDocumentNumberDraws = 1_000;

    // Many states leave I, O and Q out of passport numbers, as they read like 1 and 0.
    private const string Letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private const string LettersAndDigits = "CFGHJKLMNPRTVWXYZ0123456789";

    private readonly Random random;
    private readonly WeightedChoice<NationalityProfile> nationalities = NationalityCatalog.CreateChoice();
    private readonly HashSet<string> documentNumbers = new(StringComparer.Ordinal);

    private PersonGenerator(int seed)
    {
        random = new Random(seed);
    }

    public static IReadOnlyList<Person> Generate(int seed, int count)
    {
        var generator = new PersonGenerator(seed);
        var persons = new Person[count];
        for (var i = 0; i < count; i++)
        {
            persons[i] = generator.NextPerson();
        }

        return persons;
    }

    private Person NextPerson()
    {
        var profile = nationalities.Pick(random);
        var sex = random.Chance(profile.FemaleShare) ? Sex.Female : Sex.Male;
        var age = random.Chance(profile.ChildShare) ? random.Next(1, 18) : random.Next(18, 76);
        var dateOfBirth = Population.ReferenceDate.AddYears(-age).AddDays(-random.Next(365));

        var givenNames = random.PickFrom(sex == Sex.Female ? profile.FemaleGivenNames : profile.MaleGivenNames);
        var surnameForms = random.PickFrom(profile.Surnames);
        var surname = sex == Sex.Female ? surnameForms.Female : surnameForms.Male;

        var (dateOfIssue, dateOfExpiry) = PassportDates(age, dateOfBirth);
        var documentNumber = NewDocumentNumber(profile);
        var personalNumber = PersonalNumber(profile.PersonalNumber, dateOfBirth);

        var mrz = Mrz.ComposeTd3(new Td3Fields(
            Person.PassportDocumentCode, profile.Code, surname, givenNames, documentNumber, profile.Code,
            dateOfBirth, sex, dateOfExpiry, personalNumber));
        return new Person(
            documentNumber, profile.Code, profile.Code, surname, givenNames, sex, dateOfBirth, dateOfIssue,
            dateOfExpiry, personalNumber, mrz);
    }

    /// <summary>
    /// Children's passports run 5 years, adults' 10. Issue dates reach back half a year past the validity, so a
    /// few passports are already expired, as in any real register.
    /// </summary>
    private (DateOnly Issued, DateOnly Expires) PassportDates(int age, DateOnly dateOfBirth)
    {
        var validityYears = age < 18 ? 5 : 10;
        var issued = Population.ReferenceDate.AddDays(-random.Next(30, (validityYears * 365) + 180));
        if (issued < dateOfBirth.AddDays(30))
        {
            issued = dateOfBirth.AddDays(30);
        }

        return (issued, issued.AddYears(validityYears).AddDays(-1));
    }

    private string NewDocumentNumber(NationalityProfile profile)
    {
        for (var draw = 0; draw < MaxDocumentNumberDraws; draw++)
        {
            var number = FromPattern(random.PickFrom(profile.DocumentNumberPatterns));
            if (documentNumbers.Add(number))
            {
                return number;
            }
        }

        throw new InvalidOperationException(
            $"No unused {profile.Code} passport number after {MaxDocumentNumberDraws} draws.");
    }

    private string FromPattern(string pattern)
    {
        var number = new char[pattern.Length];
        for (var i = 0; i < pattern.Length; i++)
        {
            number[i] = pattern[i] switch
            {
                '#' => (char)('0' + random.Next(10)),
                '@' => Letters[random.Next(Letters.Length)],
                '*' => LettersAndDigits[random.Next(LettersAndDigits.Length)],
                var literal => literal,
            };
        }

        return new string(number);
    }

    private string PersonalNumber(PersonalNumberScheme scheme, DateOnly dateOfBirth) => scheme switch
    {
        PersonalNumberScheme.None => "",
        PersonalNumberScheme.UkrainianRecordNumber =>
            dateOfBirth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + random.Digits(5),
        PersonalNumberScheme.TurkishIdentityNumber => TurkishIdentityNumber(),
        _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "Unknown personal number scheme."),
    };

    /// <summary>Nine digits, the first not zero, then the two check digits of the Turkish identity number.</summary>
    private string TurkishIdentityNumber()
    {
        var d = new int[11];
        d[0] = random.Next(1, 10);
        for (var i = 1; i < 9; i++)
        {
            d[i] = random.Next(10);
        }

        var odd = d[0] + d[2] + d[4] + d[6] + d[8];
        var even = d[1] + d[3] + d[5] + d[7];
        d[9] = ((((odd * 7) - even) % 10) + 10) % 10;
        d[10] = d.Take(10).Sum() % 10;
        return string.Concat(d);
    }
}
