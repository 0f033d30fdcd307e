using System.Globalization;
using System.Text;

namespace ExchangeGateway.Core.Identifiers;

/// <summary>
/// Validates one part of an identifier: printable, NFC-normalised, free of separators and invisible characters.
/// </summary>
internal static class IdentifierPart
{
    /// <summary>The longest part accepted, in UTF-16 code units.</summary>
    public const int MaxLength = 255;

    private const string Separators = "/\\:;%";

    /// <summary>Checks <paramref name="value"/> and returns the first problem found, or null.</summary>
    public static IdentifierError? Check(string part, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return new IdentifierError(part, "is empty");
        }

        if (value.Length > MaxLength)
        {
            return new IdentifierError(part, $"is {value.Length} characters long, more than {MaxLength}");
        }

        if (!IsWellFormed(value))
        {
            return new IdentifierError(part, "contains an unpaired surrogate");
        }

        var position = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            var problem = Describe(rune);
            if (problem is not null)
            {
                return new IdentifierError(part, $"{problem} at position {position}");
            }

            position += rune.Utf16SequenceLength;
        }

        if (!value.IsNormalized(NormalizationForm.FormC))
        {
            return new IdentifierError(part, "is not in Unicode normalisation form C");
        }

        return null;
    }

    private static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string? Describe(Rune rune)
    {
        if (rune.IsAscii && Separators.Contains((char)rune.Value, StringComparison.Ordinal))
        {
            return $"contains '{(char)rune.Value}'";
        }

        if (Rune.IsWhiteSpace(rune))
        {
            return $"contains white space U+{rune.Value:X4}";
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control => $"contains control character U+{rune.Value:X4}",
            UnicodeCategory.Format => $"contains invisible format character U+{rune.Value:X4}",
            UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator
                => $"contains separator U+{rune.Value:X4}",
            UnicodeCategory.OtherNotAssigned => $"contains unassigned code point U+{rune.Value:X4}",
            UnicodeCategory.PrivateUse => $"contains private-use code point U+{rune.Value:X4}",
            _ => null,
        };
    }
}
