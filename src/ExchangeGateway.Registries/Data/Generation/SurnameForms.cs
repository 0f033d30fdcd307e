namespace ExchangeGateway.Registries.Data.Generation;

/// <summary>
/// A surname in the form a man and a woman bear it; the same form twice where the language does not inflect it.
/// </summary>
internal sealed record SurnameForms(string Male, string Female);
