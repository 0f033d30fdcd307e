namespace ExchangeGateway.Registries.Data.Generation;

/// <summary>How the persons of one nationality are drawn: names, passport numbers, age, sex and travel.</summary>
internal sealed class NationalityProfile
{
    /// <summary>ISO 3166-1 alpha-3 code.</summary>
    public required string Code { get; init; }

    /// <summary>Relative share of the foreigner population.</summary>
    public required int Weight { get; init; }

    public required IReadOnlyList<string> MaleGivenNames { get; init; }

    public required IReadOnlyList<string> FemaleGivenNames { get; init; }

    public required IReadOnlyList<SurnameForms> Surnames { get; init; }

    /// <summary>Passport number shapes: <c>#</c> a digit, <c>@</c> a letter, <c>*</c> a letter or digit.</summary>
    public required IReadOnlyList<string> DocumentNumberPatterns { get; init; }

    public PersonalNumberScheme PersonalNumber { get; init; } = PersonalNumberScheme.None;

    public TravelRoute Route { get; init; } = TravelRoute.Air;

    public double FemaleShare { get; init; } = 0.45;

    public double ChildShare { get; init; } = 0.05;

    /// <summary>Share of persons who applied for temporary protection.</summary>
    public double ProtectionShare { get; init; }

    /// <summary>Share of the other persons who hold a residence permit.</summary>
    public double PermitShare { get; init; } = 0.30;

    /// <summary>Share of temporary permits granted for study rather than work or family.</summary>
    public double StudyShare { get; init; } = 0.15;

    /// <summary>Consulates where nationals lodge visa applications; empty when they need no visa.</summary>
    public IReadOnlyList<Consulate> Consulates { get; init; } = [];

    public bool NeedsVisa => Consulates.Count > 0;
}
