using static System.FormattableString;

namespace ExchangeGateway.Registries.Data.Generation;

/// <summary>Draws the residence permits and temporary protection cases of a population.</summary>
internal sealed class MigrationRecordsGenerator
{
    public const string IssuingAuthority = "General Inspectorate for Migration (IGM)";

    public const string ProtectionLegalBasis =
        "Government Decision No. 21/2023 on granting temporary protection to displaced persons from Ukraine";

    // Temporary protection has been granted since 1 March 2023 and extended a year at a time; the end date
    // assumes one more extension after the reference date, so that granted protection is in force.
    public static readonly DateOnly ProtectionStart = new(2023, 3, 1);
    public static readonly DateOnly ProtectionEnd = new(2027, 3, 1);

    private static readonly WeightedChoice<string> Localities = new(
    [
        ("Chisinau", 60), ("Balti", 10), ("Cahul", 5), ("Comrat", 4), ("Ungheni", 4), ("Orhei", 4),
        ("Soroca", 3), ("Edinet", 2), ("Causeni", 2), ("Hincesti", 2), ("Straseni", 2), ("Ialoveni", 2),
    ]);

    private readonly Random random;
    private readonly List<ResidencePermitRecord> permits = [];
    private readonly List<ProtectionRecord> protections = [];
    private int permitSequence;

    private MigrationRecordsGenerator(int seed)
    {
        random = new Random(SeedStreams.Derive(seed, SeedStreams.Migration));
    }

    public static MigrationRecords Generate(int seed, IReadOnlyList<Person> persons)
    {
        var generator = new MigrationRecordsGenerator(seed);
        foreach (var person in persons)
        {
            generator.Add(person, NationalityCatalog.Get(person.Nationality));
        }

        return new MigrationRecords(generator.permits, generator.protections);
    }

    private void Add(Person person, NationalityProfile profile)
    {
        if (random.Chance(profile.ProtectionShare))
        {
            AddProtectionCase(person);
        }
        else if (random.Chance(profile.PermitShare))
        {
            permits.Add(ResidencePermit(person, profile));
        }
    }

    private void AddProtectionCase(Person person)
    {
        var draw = random.NextDouble();
        var state = draw switch
        {
            < 0.88 => ProtectionState.Granted,
            < 0.95 => ProtectionState.Pending,
            _ => ProtectionState.Rejected,
        };

        if (state == ProtectionState.Pending)
        {
            var appliedRecently = random.DayBetween(Population.ReferenceDate.AddDays(-45), Population.ReferenceDate);
            protections.Add(new ProtectionRecord(
                person.DocumentNumber, state, appliedRecently, null, null, null, ProtectionLegalBasis));
            return;
        }

        var appliedOn = random.DayBetween(ProtectionStart, Population.ReferenceDate.AddDays(-60));
        var decidedOn = appliedOn.AddDays(random.Next(3, 31));
        if (state == ProtectionState.Rejected)
        {
            protections.Add(new ProtectionRecord(
                person.DocumentNumber, state, appliedOn, decidedOn, null, null, ProtectionLegalBasis));
            return;
        }

        var permit = Permit(person, PermitType.TemporaryProtection, decidedOn.AddDays(random.Next(0, 15)),
            decidedOn, ProtectionEnd);
        permits.Add(permit);
        protections.Add(new ProtectionRecord(
            person.DocumentNumber, state, appliedOn, decidedOn, ProtectionEnd, permit.PermitNumber,
            ProtectionLegalBasis));
    }

    /// <summary>
    /// A permanent permit for one adult holder in five, else a one-year temporary permit: family for children,
    /// study for young adults in the nationality's share, otherwise work or family.
    /// </summary>
    private ResidencePermitRecord ResidencePermit(Person person, NationalityProfile profile)
    {
        var age = AgeOn(person.DateOfBirth, Population.ReferenceDate);
        if (age >= 18 && random.Chance(0.2))
        {
            var issued = random.DayBetween(Population.ReferenceDate.AddYears(-12), Population.ReferenceDate);
            return Permit(person, PermitType.Permanent, issued, issued, issued.AddYears(10).AddDays(-1));
        }

        var type = age switch
        {
            < 18 => PermitType.TemporaryFamily,
            <= 35 when random.Chance(profile.StudyShare) => PermitType.TemporaryStudy,
            _ => random.Chance(0.55) ? PermitType.TemporaryWork : PermitType.TemporaryFamily,
        };
        var from = random.DayBetween(Population.ReferenceDate.AddDays(-500), Population.ReferenceDate.AddDays(-5));
        return Permit(person, type, from, from, from.AddYears(1).AddDays(-1));
    }

    private ResidencePermitRecord Permit(
        Person person, PermitType type, DateOnly issuedOn, DateOnly validFrom, DateOnly validUntil)
    {
        var status = validUntil < Population.ReferenceDate ? PermitStatus.Expired
            : type != PermitType.TemporaryProtection && random.Chance(0.02) ? PermitStatus.Revoked
            : PermitStatus.Active;
        var number = Invariant($"PS{issuedOn.Year % 100:D2}{++permitSequence:D6}");
        return new ResidencePermitRecord(
            number, person.DocumentNumber, type, status, issuedOn, validFrom, validUntil, IssuingAuthority,
            Localities.Pick(random));
    }

    private static int AgeOn(DateOnly dateOfBirth, DateOnly day)
    {
        var age = day.Year - dateOfBirth.Year;
        return dateOfBirth.AddYears(age) > day ? age - 1 : age;
    }
}
