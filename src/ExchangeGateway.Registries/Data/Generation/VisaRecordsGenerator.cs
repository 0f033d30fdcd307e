using static System.FormattableString;

namespace ExchangeGateway.Registries.Data.Generation;

/// <summary>Draws the visa applications of the persons whose nationality needs a visa for Moldova.</summary>
/// <remarks>
/// One to three applications per person, lodged months apart. An application younger than
/// <see cref="DecisionDays"/> is still open; older ones were approved, refused or withdrawn.
/// </remarks>
internal sealed class VisaRecordsGenerator
{
    private const int MaxApplicationsPerPerson = 3;
    private const int DecisionDays = 25;

    private static readonly DateOnly Today = Population.ReferenceDate;

    private static readonly WeightedChoice<VisaType> AdultVisaTypes = new(
        [(VisaType.ShortStay, 75), (VisaType.LongStay, 20), (VisaType.AirportTransit, 5)]);

    private static readonly WeightedChoice<VisaPurpose> ShortStayPurposes = new(
        [(VisaPurpose.Tourism, 40), (VisaPurpose.Business, 30), (VisaPurpose.Family, 20), (VisaPurpose.Medical, 10)]);

    private static readonly WeightedChoice<VisaPurpose> LongStayPurposes = new(
        [(VisaPurpose.Study, 50), (VisaPurpose.Work, 35), (VisaPurpose.Family, 15)]);

    private static readonly WeightedChoice<VisaApplicationStatus> Decisions = new(
    [
        (VisaApplicationStatus.Approved, 80), (VisaApplicationStatus.Refused, 15),
        (VisaApplicationStatus.Withdrawn, 5),
    ]);

    private readonly Random random;
    private readonly List<VisaApplicationRecord> applications = [];
    private int applicationSequence;
    private int visaSequence;

    private VisaRecordsGenerator(int seed)
    {
        random = new Random(SeedStreams.Derive(seed, SeedStreams.ForeignAffairs));
    }

    public static IReadOnlyList<VisaApplicationRecord> Generate(int seed, IReadOnlyList<Person> persons)
    {
        var generator = new VisaRecordsGenerator(seed);
        foreach (var person in persons)
        {
            var profile = NationalityCatalog.Get(person.Nationality);
            if (profile.NeedsVisa)
            {
                generator.AddApplications(person, profile);
            }
        }

        return generator.applications;
    }

    private void AddApplications(Person person, NationalityProfile profile)
    {
        var count = random.Next(1, MaxApplicationsPerPerson + 1);
        var submittedOn = random.DayBetween(Today.AddDays(-1400), Today.AddDays(-60));
        for (var i = 0; i < count && submittedOn <= Today; i++)
        {
            applications.Add(Application(person, random.PickFrom(profile.Consulates), submittedOn));
            submittedOn = submittedOn.AddDays(random.Next(30, 400));
        }
    }

    private VisaApplicationRecord Application(Person person, Consulate consulate, DateOnly submittedOn)
    {
        var isChild = person.DateOfBirth.AddYears(18) > submittedOn;
        var isPastStudyAge = person.DateOfBirth.AddYears(36) <= submittedOn;
        var type = isChild ? VisaType.ShortStay : AdultVisaTypes.Pick(random);
        var purpose = type switch
        {
            VisaType.AirportTransit => VisaPurpose.Transit,
            VisaType.LongStay => LongStayPurpose(isPastStudyAge),
            _ when isChild => VisaPurpose.Family,
            _ => ShortStayPurposes.Pick(random),
        };
        var number = Invariant($"{consulate.Code}-{submittedOn.Year}-{++applicationSequence:D6}");

        if (Today.DayNumber - submittedOn.DayNumber < DecisionDays)
        {
            var open = random.Chance(0.5) ? VisaApplicationStatus.Submitted : VisaApplicationStatus.UnderReview;
            return new VisaApplicationRecord(
                number, person.DocumentNumber, type, purpose, open, consulate.Name, submittedOn, null, null);
        }

        var status = Decisions.Pick(random);
        var decidedOn = submittedOn.AddDays(random.Next(3, DecisionDays));
        var visa = status == VisaApplicationStatus.Approved ? Visa(type, decidedOn) : null;
        return new VisaApplicationRecord(
            number, person.DocumentNumber, type, purpose, status, consulate.Name, submittedOn, decidedOn, visa);
    }

    private VisaPurpose LongStayPurpose(bool isPastStudyAge)
    {
        // Long-stay study visas go to students; an older applicant drawn for study comes to work instead.
        var purpose = LongStayPurposes.Pick(random);
        return purpose == VisaPurpose.Study && isPastStudyAge ? VisaPurpose.Work : purpose;
    }

    private IssuedVisa Visa(VisaType type, DateOnly decidedOn)
    {
        var validFrom = decidedOn.AddDays(random.Next(1, 21));
        var (validityDays, entries, stayDays) = type switch
        {
            VisaType.AirportTransit => (30, VisaEntries.SingleEntry, 0),
            VisaType.LongStay => (365, VisaEntries.MultipleEntry, 90),
            _ => ShortStay(),
        };
        var number = Invariant($"MDA{++visaSequence:D7}");
        return new IssuedVisa(number, validFrom, validFrom.AddDays(validityDays - 1), entries, stayDays);
    }

    /// <summary>A short-stay visa: 30 to 180 days of validity and at most 90 days of stay within it.</summary>
    private (int ValidityDays, VisaEntries Entries, int StayDays) ShortStay()
    {
        var validityDays = random.Next(30, 181);
        var entries = random.Chance(0.4) ? VisaEntries.MultipleEntry : VisaEntries.SingleEntry;
        return (validityDays, entries, random.Next(7, Math.Min(90, validityDays) + 1));
    }
}
