using System.Diagnostics.CodeAnalysis;

namespace ExchangeGateway.Core.Identifiers;

/// <summary>A subsystem of a member, written <c>INSTANCE/CLASS/CODE/SUBSYSTEM</c>.</summary>
public sealed record SubsystemId
{
    private SubsystemId(MemberId member, string code)
    {
        Member = member;
        Code = code;
    }

    /// <summary>The member that owns the subsystem.</summary>
    public MemberId Member { get; }

    /// <summary>The subsystem code, e.g. <c>foreigners-registry</c>.</summary>
    public string Code { get; }

    /// <summary>Parses a subsystem identifier, or says which part is wrong.</summary>
    public static bool TryParse(
        string? text, [NotNullWhen(true)] out SubsystemId? subsystem, [NotNullWhen(false)] out IdentifierError? error)
    {
        subsystem = null;
        if (!IdentifierText.TrySplit(text, 4, "subsystem", out var parts, out error))
        {
            return false;
        }

        return TryCreate(parts, out subsystem, out error);
    }

    /// <summary>Parses a subsystem identifier and throws <see cref="FormatException"/> when it is bad.</summary>
    public static SubsystemId Parse(string text) => TryParse(text, out var subsystem, out var error)
        ? subsystem
        : throw new FormatException($"bad subsystem '{text}': {error}");

    /// <summary>Makes the subsystem <paramref name="code"/> of <paramref name="member"/>.</summary>
    public static bool TryCreate(
        MemberId member,
        string code,
        [NotNullWhen(true)] out SubsystemId? subsystem,
        [NotNullWhen(false)] out IdentifierError? error)
    {
        subsystem = null;
        error = IdentifierPart.Check("subsystem code", code);
        if (error is not null)
        {
            return false;
        }

        subsystem = new SubsystemId(member, code);
        return true;
    }

    private static bool TryCreate(
        string[] parts, [NotNullWhen(true)] out SubsystemId? subsystem, [NotNullWhen(false)] out IdentifierError? error)
    {
        subsystem = null;
        if (!MemberId.TryCreate(parts[0], parts[1], parts[2], out var member, out error))
        {
            return false;
        }

        return TryCreate(member, parts[3], out subsystem, out error);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Member}/{Code}";
}
