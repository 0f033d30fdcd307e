using System.Diagnostics.CodeAnalysis;

namespace ExchangeGateway.Core.Identifiers;

/// <summary>Splits identifier text on '/' and checks the count of parts before any part is looked at.</summary>
internal static class IdentifierText
{
    /// <summary>The longest whole identifier accepted, in UTF-16 code units.</summary>
    public const int MaxLength = 1024;

    public static bool TrySplit(
        string? text,
        int expectedParts,
        string kind,
        [NotNullWhen(true)] out string[]? parts,
        [NotNullWhen(false)] out IdentifierError? error)
    {
        parts = null;
        if (string.IsNullOrEmpty(text))
        {
            error = new IdentifierError(kind, "is empty");
            return false;
        }

        if (text.Length > MaxLength)
        {
            error = new IdentifierError(kind, $"is {text.Length} characters long, more than {MaxLength}");
            return false;
        }

        var split = text.Split('/');
        if (split.Length != expectedParts)
        {
            error = new IdentifierError(
                kind, $"has {split.Length} parts separated by '/', expected {expectedParts}");
            return false;
        }

        parts = split;
        error = null;
        return true;
    }
}
