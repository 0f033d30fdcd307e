using System.Globalization;

namespace ExchangeGateway.Benchmarks;

/// <summary>Command-line options of the form <c>--name value</c>, each with a default, as the benchmarks that run in
/// one process take them (signing, archive, stamping, appends, floor).</summary>
internal static class Options
{
    /// <summary>The whole number given as <paramref name="name"/>, or <paramref name="fallback"/>; anything else is a
    /// usage error (<see cref="ArgumentException"/>), not a crash.</summary>
    public static int Int(string[] args, string name, int fallback)
    {
        if (Text(args, name) is not { } text)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{name} takes a whole number, not '{text}'");
    }

    /// <summary>The value given as <paramref name="name"/>, or null when the option is not given; the option given
    /// without a value is a usage error.</summary>
    public static string? Text(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0)
        {
            return null;
        }

        return index + 1 < args.Length && !args[index + 1].StartsWith("--", StringComparison.Ordinal)
            ? args[index + 1]
            : throw new ArgumentException($"{name} takes a value");
    }
}
