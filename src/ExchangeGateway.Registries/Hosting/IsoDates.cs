using System.Globalization;

namespace ExchangeGateway.Registries.Hosting;

/// <summary>Dates on the wire: ISO 8601 calendar dates, and the empty string for "not set".</summary>
internal static class IsoDates
{
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Format(DateOnly? date) => date is { } value ? Format(value) : "";
}
