namespace ExchangeGateway.Benchmarks;

/// <summary><c>--name value</c> and <c>--flag</c> arguments, as the roles and the run take them.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string?> _values;

    private Arguments(Dictionary<string, string?> values)
    {
        _values = values;
    }

    public static Arguments Parse(IReadOnlyList<string> args, IReadOnlySet<string>? flags = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || name.Length < 3)
            {
                throw new ArgumentException($"expected an option, got '{name}'");
            }

            if (flags?.Contains(name) == true)
            {
                values[name] = null;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"option {name} needs a value");
            }

            values[name] = args[++i];
        }

        return new Arguments(values);
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string Required(string name) => _values.TryGetValue(name, out var value) && value is not null
        ? value
        : throw new ArgumentException($"option {name} is required");

    public string? Optional(string name) => _values.GetValueOrDefault(name);

    public int Int(string name) => int.TryParse(Required(name), System.Globalization.CultureInfo.InvariantCulture,
        out var value) ? value : throw new ArgumentException($"option {name} must be an integer");
}
