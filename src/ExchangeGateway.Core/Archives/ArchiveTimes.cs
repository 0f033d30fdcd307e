using System.Globalization;

namespace ExchangeGateway.Core.Archives;

/// <summary>Times in archives: UTC with exactly six fractional digits, the microseconds the log stores.</summary>
internal static class ArchiveTimes
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses a time written by <see cref="Format"/>; throws <see cref="FormatException"/> otherwise.
    /// </summary>
    public static DateTimeOffset Parse(string text) => new(
        DateTime.ParseExact(text, Pattern, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
        TimeSpan.Zero);
}
