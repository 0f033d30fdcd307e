using System.Globalization;

namespace ExchangeGateway.Benchmarks.Report;

/// <summary>How figures are written in the Markdown report and the plot.</summary>
internal static class Units
{
    public static string Payload(int bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MiB",
        >= 1024 when bytes % 1024 == 0 => $"{bytes / 1024} KiB",
        _ => $"{bytes} B",
    };

    public static string Number(double value, string format) =>
        double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);

    public static string Number(double? value, string format) => value is { } v ? Number(v, format) : "n/a";
}
