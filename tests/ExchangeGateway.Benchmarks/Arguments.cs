namespace ExchangeGateway.Benchmarks;

/// <summary><c>--name value</c> and <c>--flag</c> arguments, as the run, the roles and the one-process benchmarks
/// take them; anything else, a missing value or a bad number is a usage error (<see cref="ArgumentException"/>), and
/// so is a name the command does not take, when it says which it takes: a misspelt option must not start a run of
/// twenty minutes on the defaults.
/// </summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string?> _values;

    private Arguments(Dictionary<string, string?> values)
    {
        _values = values;
    }

    /// <summary>Reads <paramref name="args"/>: <paramref name="flags"/> take no value; with
    /// <paramref name="options"/> given, those are the only names that take one.</summary>
    public static Arguments Parse(
        IReadOnlyList<string> args, IReadOnlySet<string>? flags = null, IReadOnlySet<string>? options = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || name.Length < 3)
            {
                throw new ArgumentException($"expected an option, got '{name}'");
            }

            if (options is not null && !options.Contains(name) && flags?.Contains(name) != true)
            {
                throw new ArgumentException($"unknown option {name}");
            }

            if (flags?.Contains(name) == true)
            {
                values[name] = null;
                continue;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"option {name} takes a value");
            }

            values[name] = args[++i];
        }

        return new Arguments(values);
    }

    /// <summary>A set of option names, for <see cref="Parse"/>.</summary>
    public static IReadOnlySet<string> Names(params string[] names) =>
        new HashSet<string>(names, StringComparer.Ordinal);

    public bool Has(string name) => _values.ContainsKey(name);

    public string Required(string name) => _values.TryGetValue(name, out var value) && value is not null
        ? value
        : throw new ArgumentException($"option {name} is required");

    public string? Optional(string name) => _values.GetValueOrDefault(name);

    public int Int(string name) => Number(name, Required(name));

    /// <summary>The whole number given as <paramref name="name"/>, or <paramref name="fallback"/> when the option is
    /// not given.</summary>
    public int Int(string name, int fallback) => Optional(name) is { } text ? Number(name, text) : fallback;

    private static int Number(string name, string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture,
            out var value) ? value : throw new ArgumentException($"option {name} takes a whole number, not '{text}'");
}
