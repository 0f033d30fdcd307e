using ExchangeGateway.Registries.Data;

namespace ExchangeGateway.Registries.Tests.Fakes;

/// <summary>The default population, generated once for the whole test run: it is immutable.</summary>
internal static class SharedPopulation
{
    private static readonly Lazy<Population> Generated = new(() => Population.Generate());

    public static Population Default => Generated.Value;
}
