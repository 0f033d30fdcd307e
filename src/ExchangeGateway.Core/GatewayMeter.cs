using System.Diagnostics.Metrics;

namespace ExchangeGateway.Core;

/// <summary>
/// The one meter every instrument of a gateway belongs to (call stages, message log commits), so an operator
/// listens to one name: <c>dotnet-counters monitor --counters ExchangeGateway</c>.
/// </summary>
public static class GatewayMeter
{
    /// <summary>The meter's name.</summary>
    public const string Name = "ExchangeGateway";

    /// <summary>The meter.</summary>
    public static Meter Meter { get; } = new(Name);
}
