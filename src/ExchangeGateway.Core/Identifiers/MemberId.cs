using System.Diagnostics.CodeAnalysis;

namespace ExchangeGateway.Core.Identifiers;

/// <summary>A federation member, written <c>INSTANCE/CLASS/CODE</c>, e.g. <c>MD/GOV/1006601000037</c>.</summary>
public sealed record MemberId
{
    private MemberId(string instance, string memberClass, string code)
    {
        Instance = instance;
        Class = memberClass;
        Code = code;
    }

    /// <summary>The federation instance, e.g. <c>MD</c>.</summary>
    public string Instance { get; }

    /// <summary>The member class, e.g. <c>GOV</c>.</summary>
    public string Class { get; }

    /// <summary>The member code, e.g. a registration number.</summary>
    public string Code { get; }

    /// <summary>Parses a member identifier, or says which part is wrong.</summary>
    public static bool TryParse(
        string? text, [NotNullWhen(true)] out MemberId? member, [NotNullWhen(false)] out IdentifierError? error)
    {
        member = null;
        if (!IdentifierText.TrySplit(text, 3, "member", out var parts, out error))
        {
            return false;
        }

        return TryCreate(parts[0], parts[1], parts[2], out member, out error);
    }

    /// <summary>Parses a member identifier and throws <see cref="FormatException"/> when it is bad.</summary>
    public static MemberId Parse(string text) =>
        TryParse(text, out var member, out var error)
            ? member
            : throw new FormatException($"bad member '{text}': {error}");

    internal static bool TryCreate(
        string instance,
        string memberClass,
        string code,
        [NotNullWhen(true)] out MemberId? member,
        [NotNullWhen(false)] out IdentifierError? error)
    {
        member = null;
        error = IdentifierPart.Check("instance", instance)
            ?? IdentifierPart.Check("member class", memberClass)
            ?? IdentifierPart.Check("member code", code);
        if (error is not null)
        {
            return false;
        }

        member = new MemberId(instance, memberClass, code);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Instance}/{Class}/{Code}";
}
