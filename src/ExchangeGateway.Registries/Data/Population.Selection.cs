namespace ExchangeGateway.Registries.Data;

/// <summary>Picks persons for demo scenarios, so that each registry is called with a passport it knows.</summary>
public sealed partial class Population
{
    /// <summary>
    /// The first person with a residence permit in force granted for work, study, family or permanent residence.
    /// </summary>
    /// <exception cref="InvalidOperationException">No person has one.</exception>
    public Person FirstWithPermit() =>
        FirstWhere(
            person => FindPermit(person.DocumentNumber) is
                { Status: PermitStatus.Active, Type: not PermitType.TemporaryProtection },
            "a residence permit in force");

    /// <summary>The first person granted temporary protection.</summary>
    /// <exception cref="InvalidOperationException">No person has it.</exception>
    public Person FirstWithTemporaryProtection() =>
        FirstWhere(
            person => FindProtectionCase(person.DocumentNumber) is { State: ProtectionState.Granted },
            "temporary protection");

    /// <summary>The first person with a police alert.</summary>
    /// <exception cref="InvalidOperationException">No person has one.</exception>
    public Person FirstWithAlert() =>
        FirstWhere(person => AlertsOf(person.DocumentNumber).Count > 0, "a police alert");

    /// <summary>The first person with no police alert.</summary>
    /// <exception cref="InvalidOperationException">Every person has one.</exception>
    public Person FirstWithoutAlert() =>
        FirstWhere(person => AlertsOf(person.DocumentNumber).Count == 0, "no police alert");

    /// <summary>The first person who lodged a visa application.</summary>
    /// <exception cref="InvalidOperationException">No person did.</exception>
    public Person FirstWithVisaApplication() =>
        FirstWhere(person => VisaApplicationsOf(person.DocumentNumber).Count > 0, "a visa application");

    private Person FirstWhere(Func<Person, bool> predicate, string what) =>
        Persons.FirstOrDefault(predicate)
        ?? throw new InvalidOperationException(
            $"The population of {Persons.Count} persons (seed {Seed}) has no person with {what}.");
}
