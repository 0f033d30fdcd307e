using System.CommandLine;
using System.Globalization;

namespace ExchangeGateway.Cli.Commands;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    public static Option<DirectoryInfo> StateDirectory() => new("--dir")
    {
        Description = "Folder for the development PKI, configuration, message logs and diagnostic logs",
        DefaultValueFactory = _ => new DirectoryInfo(".exgw"),
    };

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>: anything else is refused
    /// with the range it must be in, not a .NET type's name or a failure once the command runs.</summary>
    public static Option<int> Number(string name, string description, int defaultValue, int min, int max) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                && value >= min && value <= max)
            {
                return value;
            }

            result.AddError($"{name} '{text}': expected a whole number from {min} to {max}");
            return defaultValue;
        },
    };
}
