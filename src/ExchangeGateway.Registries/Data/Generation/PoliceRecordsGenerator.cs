using static System.FormattableString;

namespace ExchangeGateway.Registries.Data.Generation;

/// <summary>Draws the border crossings and alerts of a population.</summary>
/// <remarks>
/// Crossings alternate entry and exit from a first entry: into Ukraine's neighbour in the weeks after the
/// full-scale invasion for people who sought protection, before the permit for permit holders, and within
/// the last four years for visitors. Whoever holds a permit or protection is in Moldova, so their last
/// crossing is an entry.
/// </remarks>
internal sealed class PoliceRecordsGenerator
{
    private const int MaxCrossingsPerPerson = 8;
    private const double AlertShare = 0.02;
    private const double SecondAlertShare = 0.1;

    private static readonly DateOnly FullScaleInvasion = new(2022, 2, 24);
    private static readonly DateOnly Today = Population.ReferenceDate;

    private static readonly WeightedChoice<AlertType> AlertTypes = new(
        [(AlertType.StolenDocument, 40), (AlertType.WantedPerson, 30), (AlertType.EntryBan, 30)]);

    private readonly Random random;
    private readonly List<BorderCrossingRecord> crossings = [];
    private readonly List<AlertRecord> alerts = [];
    private int crossingSequence;
    private int alertSequence;

    private PoliceRecordsGenerator(int seed)
    {
        random = new Random(SeedStreams.Derive(seed, SeedStreams.Police));
    }

    public static PoliceRecords Generate(int seed, IReadOnlyList<Person> persons, MigrationRecords migration)
    {
        var permits = migration.Permits.ToDictionary(permit => permit.DocumentNumber, StringComparer.Ordinal);
        var protections = migration.Protections.ToDictionary(@case => @case.DocumentNumber, StringComparer.Ordinal);
        var generator = new PoliceRecordsGenerator(seed);
        foreach (var person in persons)
        {
            var permit = permits.GetValueOrDefault(person.DocumentNumber);
            var protection = protections.GetValueOrDefault(person.DocumentNumber);
            var isPresent = permit is { Status: PermitStatus.Active }
                || protection is { State: ProtectionState.Granted or ProtectionState.Pending };

            var profile = NationalityCatalog.Get(person.Nationality);
            generator.AddCrossings(person, profile, permit, protection, isPresent);
            generator.AddAlerts(person, isPresent);
        }

        return new PoliceRecords(generator.crossings, generator.alerts);
    }

    private void AddCrossings(
        Person person,
        NationalityProfile profile,
        ResidencePermitRecord? permit,
        ProtectionRecord? protection,
        bool isPresent)
    {
        var day = FirstEntry(permit, protection);
        var direction = CrossingDirection.Entry;
        var fled = protection is not null;
        var added = new List<BorderCrossingRecord>();
        for (var i = 0; i < MaxCrossingsPerPerson && day <= Today; i++)
        {
            var point = fled && i == 0 ? random.PickFrom(CrossingPoint.UkrainianBorder) : PointFor(profile.Route);
            added.Add(Crossing(person, day, direction, point));
            if (random.Chance(0.35))
            {
                break;
            }

            day = day.AddDays(random.Next(2, 200));
            direction = direction == CrossingDirection.Entry ? CrossingDirection.Exit : CrossingDirection.Entry;
        }

        if (isPresent && added[^1].Direction == CrossingDirection.Exit)
        {
            added.RemoveAt(added.Count - 1);
        }

        crossings.AddRange(added);
    }

    private DateOnly FirstEntry(ResidencePermitRecord? permit, ProtectionRecord? protection)
    {
        if (protection is not null)
        {
            // Most people fled in the first weeks; squaring the draw crowds the entries there.
            var draw = random.NextDouble();
            var fledOn = FullScaleInvasion.AddDays((int)(draw * draw * 365));
            return fledOn < protection.AppliedOn ? fledOn : protection.AppliedOn.AddDays(-1);
        }

        if (permit is not null)
        {
            return random.DayBetween(permit.IssuedOn.AddDays(-400), permit.IssuedOn.AddDays(-10));
        }

        return random.DayBetween(Today.AddYears(-4), Today.AddDays(-3));
    }

    private CrossingPoint PointFor(TravelRoute route)
    {
        var draw = random.NextDouble();
        return route switch
        {
            TravelRoute.Ukraine when draw < 0.7 => random.PickFrom(CrossingPoint.UkrainianBorder),
            TravelRoute.Ukraine when draw < 0.9 => random.PickFrom(CrossingPoint.RomanianBorder),
            TravelRoute.Romania when draw < 0.75 => random.PickFrom(CrossingPoint.RomanianBorder),
            TravelRoute.Air when draw >= 0.85 => random.PickFrom(CrossingPoint.RomanianBorder),
            _ => CrossingPoint.ChisinauAirport,
        };
    }

    private BorderCrossingRecord Crossing(
        Person person, DateOnly day, CrossingDirection direction, CrossingPoint point)
    {
        var midnight = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var at = midnight.AddMinutes(random.Next(1440));
        var id = Invariant($"BC{++crossingSequence:D8}");
        return new BorderCrossingRecord(
            id, person.DocumentNumber, at, direction, point.Name, point.NeighbouringState, point.Mode);
    }

    private void AddAlerts(Person person, bool isPresent)
    {
        if (!random.Chance(AlertShare))
        {
            return;
        }

        var first = AlertTypeFor(isPresent);
        alerts.Add(Alert(person, first));

        // A second alert is of another kind: two theft reports on one passport would be one alert in practice.
        var second = random.Chance(SecondAlertShare) ? AlertTypeFor(isPresent) : first;
        if (second != first)
        {
            alerts.Add(Alert(person, second));
        }
    }

    private AlertType AlertTypeFor(bool isPresent)
    {
        var type = AlertTypes.Pick(random);

        // An entry ban on a foreigner who lives in Moldova would contradict the migration registry.
        return type == AlertType.EntryBan && isPresent ? AlertType.StolenDocument : type;
    }

    private AlertRecord Alert(Person person, AlertType type) =>
        type switch
        {
            AlertType.WantedPerson => WantedPerson(person),
            AlertType.StolenDocument => StolenDocument(person),
            _ => EntryBan(person),
        };

    private AlertRecord WantedPerson(Person person)
    {
        const string Action = "Detain and inform the issuing authority";
        var issuedOn = random.DayBetween(Today.AddYears(-4), Today.AddDays(-1));
        return random.Chance(0.5)
            ? Alert(person, AlertType.WantedPerson, issuedOn, null, "General Police Inspectorate (IGP)",
                Invariant($"Criminal case no. {issuedOn.Year}{random.Next(1_000_000):D6}"), Action)
            : Alert(person, AlertType.WantedPerson, issuedOn, null, "Interpol General Secretariat",
                Invariant($"Red Notice A-{random.Next(100, 10_000)}/{issuedOn.Year}"), Action);
    }

    private AlertRecord StolenDocument(Person person)
    {
        var issuedOn = random.DayBetween(person.DateOfIssue, Today.AddDays(-1));
        var authority = random.Chance(0.6) ? "General Police Inspectorate (IGP)" : "Interpol SLTD database";
        return Alert(person, AlertType.StolenDocument, issuedOn, null, authority,
            Invariant($"Theft report {random.Next(100, 10_000)}/{issuedOn.Year}"),
            "Seize the document and establish the holder's identity");
    }

    private AlertRecord EntryBan(Person person)
    {
        var issuedOn = random.DayBetween(Today.AddYears(-2), Today.AddDays(-1));
        var authority = random.Chance(0.7)
            ? MigrationRecordsGenerator.IssuingAuthority
            : "General Inspectorate of Border Police (IGPF)";
        return Alert(person, AlertType.EntryBan, issuedOn, issuedOn.AddYears(random.Next(2, 6)), authority,
            Invariant($"Decision no. {random.Next(100, 10_000)}/{issuedOn.Year}"), "Refuse entry");
    }

    private AlertRecord Alert(
        Person person,
        AlertType type,
        DateOnly issuedOn,
        DateOnly? validUntil,
        string authority,
        string reference,
        string action)
    {
        var id = Invariant($"AL{issuedOn.Year}{++alertSequence:D6}");
        return new AlertRecord(id, person.DocumentNumber, type, authority, issuedOn, validUntil, reference, action);
    }
}
