using System.Collections.Frozen;
using ExchangeGateway.Registries.Data.Generation;

namespace ExchangeGateway.Registries.Data;

/// <summary>
/// The foreigners of the demo federation and every registry record about them, generated deterministically
/// from a seed: the same seed and count give identical persons and records, on any machine and run.
/// </summary>
/// <remarks>
/// Generation draws, each from its own seeded <see cref="Random"/> stream:
/// <list type="number">
/// <item>the persons: nationality, name, sex, date of birth, passport and its machine-readable zone;</item>
/// <item>the migration registry: residence permits and temporary protection cases;</item>
/// <item>the foreign affairs registry: visa applications of nationals who need a visa;</item>
/// <item>the police registries: border crossings, which follow the permits and protection, and alerts.</item>
/// </list>
/// Nothing reads the clock: every record is dated relative to <see cref="ReferenceDate"/>. Lookups take a
/// passport number exactly as generated (upper case).
/// </remarks>
public sealed partial class Population
{
    /// <summary>The seed <see cref="Generate"/> uses by default.</summary>
    public const int DefaultSeed = 20261204;

    /// <summary>The number of persons <see cref="Generate"/> draws by default.</summary>
    public const int DefaultCount = 10_000;

    /// <summary>The largest number of persons <see cref="Generate"/> accepts.</summary>
    public const int MaxCount = 1_000_000;

    private readonly FrozenDictionary<string, Person> personsByDocument;
    private readonly FrozenDictionary<string, ResidencePermitRecord> permitsByDocument;
    private readonly FrozenDictionary<string, ProtectionRecord> protectionsByDocument;
    private readonly FrozenDictionary<string, BorderCrossingRecord[]> crossingsByDocument;
    private readonly FrozenDictionary<string, AlertRecord[]> alertsByDocument;
    private readonly FrozenDictionary<string, VisaApplicationRecord[]> visaApplicationsByDocument;

    private Population(
        int seed,
        IReadOnlyList<Person> persons,
        MigrationRecords migration,
        PoliceRecords police,
        IReadOnlyList<VisaApplicationRecord> visaApplications)
    {
        Seed = seed;
        Persons = persons;
        ResidencePermits = migration.Permits;
        ProtectionCases = migration.Protections;
        BorderCrossings = police.Crossings;
        Alerts = police.Alerts;
        VisaApplications = visaApplications;

        personsByDocument = persons.ToFrozenDictionary(person => person.DocumentNumber, StringComparer.Ordinal);
        permitsByDocument = ResidencePermits.ToFrozenDictionary(
            permit => permit.DocumentNumber, StringComparer.Ordinal);
        protectionsByDocument = ProtectionCases.ToFrozenDictionary(
            @case => @case.DocumentNumber, StringComparer.Ordinal);
        crossingsByDocument = GroupByDocument(BorderCrossings, crossing => crossing.DocumentNumber);
        alertsByDocument = GroupByDocument(Alerts, alert => alert.DocumentNumber);
        visaApplicationsByDocument = GroupByDocument(VisaApplications, application => application.DocumentNumber);
    }

    /// <summary>
    /// The day the records describe: permits and alerts are in force, and applications open, as of this day.
    /// </summary>
    public static DateOnly ReferenceDate { get; } = new(2026, 12, 4);

    /// <summary>The seed the population was generated from.</summary>
    public int Seed { get; }

    /// <summary>The persons, in the order they were drawn; every passport number is unique.</summary>
    public IReadOnlyList<Person> Persons { get; }

    /// <summary>Residence permits, at most one per person, including those of temporary protection.</summary>
    public IReadOnlyList<ResidencePermitRecord> ResidencePermits { get; }

    /// <summary>Temporary protection cases, at most one per person.</summary>
    public IReadOnlyList<ProtectionRecord> ProtectionCases { get; }

    /// <summary>Border crossings, grouped by person and oldest first within a person.</summary>
    public IReadOnlyList<BorderCrossingRecord> BorderCrossings { get; }

    /// <summary>Police alerts in force; about 2 % of persons have one or two.</summary>
    public IReadOnlyList<AlertRecord> Alerts { get; }

    /// <summary>Visa applications, grouped by person and oldest first within a person.</summary>
    public IReadOnlyList<VisaApplicationRecord> VisaApplications { get; }

    /// <summary>Generates a population and the records of every demo registry about it.</summary>
    /// <param name="seed">Seed of every random draw. Defaults to <see cref="DefaultSeed"/>.</param>
    /// <param name="count">
    /// Number of persons, 1 to <see cref="MaxCount"/>. Defaults to <see cref="DefaultCount"/>.
    /// </param>
    /// <returns>The population; the same arguments always give equal persons and records.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is out of range.</exception>
    public static Population Generate(int seed = DefaultSeed, int count = DefaultCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);

        var persons = PersonGenerator.Generate(seed, count);
        var migration = MigrationRecordsGenerator.Generate(seed, persons);
        var visaApplications = VisaRecordsGenerator.Generate(seed, persons);
        var police = PoliceRecordsGenerator.Generate(seed, persons, migration);
        return new Population(seed, persons, migration, police, visaApplications);
    }

    /// <summary>Finds the person who holds a passport.</summary>
    /// <param name="documentNumber">The passport number, upper case.</param>
    /// <returns>The holder, or null when no person holds that passport.</returns>
    public Person? FindPerson(string documentNumber) => personsByDocument.GetValueOrDefault(documentNumber);

    /// <summary>Finds the residence permit of a passport's holder.</summary>
    /// <param name="documentNumber">The passport number, upper case.</param>
    /// <returns>The permit, or null when the holder has none.</returns>
    public ResidencePermitRecord? FindPermit(string documentNumber) =>
        permitsByDocument.GetValueOrDefault(documentNumber);

    /// <summary>Finds the temporary protection case of a passport's holder.</summary>
    /// <param name="documentNumber">The passport number, upper case.</param>
    /// <returns>The case, or null when the holder never applied.</returns>
    public ProtectionRecord? FindProtectionCase(string documentNumber) =>
        protectionsByDocument.GetValueOrDefault(documentNumber);

    /// <summary>Lists the border crossings made on a passport, oldest first.</summary>
    /// <param name="documentNumber">The passport number, upper case.</param>
    /// <returns>The crossings; empty when there are none.</returns>
    public IReadOnlyList<BorderCrossingRecord> CrossingsOf(string documentNumber) =>
        crossingsByDocument.GetValueOrDefault(documentNumber, []);

    /// <summary>Lists the alerts in force on a passport or its holder.</summary>
    /// <param name="documentNumber">The passport number, upper case.</param>
    /// <returns>The alerts; empty when there are none.</returns>
    public IReadOnlyList<AlertRecord> AlertsOf(string documentNumber) =>
        alertsByDocument.GetValueOrDefault(documentNumber, []);

    /// <summary>Lists the visa applications lodged on a passport, oldest first.</summary>
    /// <param name="documentNumber">The passport number, upper case.</param>
    /// <returns>The applications; empty when there are none.</returns>
    public IReadOnlyList<VisaApplicationRecord> VisaApplicationsOf(string documentNumber) =>
        visaApplicationsByDocument.GetValueOrDefault(documentNumber, []);

    private static FrozenDictionary<string, T[]> GroupByDocument<T>(
        IEnumerable<T> records, Func<T, string> documentNumberOf) =>
        records.GroupBy(documentNumberOf, StringComparer.Ordinal)
            .ToFrozenDictionary(group => group.Key, group => group.ToArray(), StringComparer.Ordinal);
}
