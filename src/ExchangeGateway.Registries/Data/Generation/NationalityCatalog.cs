using System.Collections.Frozen;

namespace ExchangeGateway.Registries.Data.Generation;

/// <summary>
/// The nationalities of the generated foreigners, weighted to resemble the foreigners in Moldova: a large
/// share displaced from Ukraine, then neighbours, CIS states, Turkey, Israel, the European Union, and
/// students and workers from further away.
/// </summary>
/// <remarks>
/// Names are common names of each country in the Latin spelling of its passports. Passport number shapes and
/// visa requirements are close to, but not guaranteed to match, each state's practice: these are demo records.
/// </remarks>
internal static partial class NationalityCatalog
{
    public static IReadOnlyList<NationalityProfile> Profiles { get; } =
        [.. Europe(), .. Asia(), .. AfricaAndAmericas()];

    private static readonly FrozenDictionary<string, NationalityProfile> ByCode =
        Profiles.ToFrozenDictionary(profile => profile.Code, StringComparer.Ordinal);

    public static NationalityProfile Get(string code) => ByCode[code];

    public static WeightedChoice<NationalityProfile> CreateChoice() =>
        new(Profiles.Select(profile => (profile, profile.Weight)));

    /// <summary>Surnames as "Male/Female" where the language inflects them, else one form for both.</summary>
    private static SurnameForms[] Surnames(params string[] entries) =>
        entries.Select(entry => entry.Split('/') switch
        {
            [var male, var female] => new SurnameForms(male, female),
            [var both] => new SurnameForms(both, both),
            _ => throw new ArgumentException($"Surname entry '{entry}' has more than two forms.", nameof(entries)),
        }).ToArray();
}
