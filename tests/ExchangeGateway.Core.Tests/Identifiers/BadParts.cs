namespace ExchangeGateway.Core.Tests.Identifiers;

/// <summary>
/// Every kind of bad identifier part, by a name that is safe to show in a test's name, with the text that stands in
/// for the part and the reason the refusal must give. Bad characters sit at UTF-16 position 2.
/// </summary>
internal static class BadParts
{
    public static readonly IReadOnlyDictionary<string, (string Text, string Reason)> ByKind =
        new Dictionary<string, (string Text, string Reason)>(StringComparer.Ordinal)
        {
            ["empty"] = ("", "is empty"),
            ["backslash"] = ("ab\\cd", "contains '\\' at position 2"),
            ["colon"] = ("ab:cd", "contains ':' at position 2"),
            ["semicolon"] = ("ab;cd", "contains ';' at position 2"),
            ["percent"] = ("ab%cd", "contains '%' at position 2"),
            ["space"] = ("ab cd", "contains white space U+0020 at position 2"),
            ["tab"] = ("ab\tcd", "contains white space U+0009 at position 2"),
            ["line feed"] = ("ab\ncd", "contains white space U+000A at position 2"),
            ["no-break space"] = ("ab\u00A0cd", "contains white space U+00A0 at position 2"),
            ["line separator"] = ("ab\u2028cd", "contains white space U+2028 at position 2"),
            ["NUL"] = ("ab\u0000cd", "contains control character U+0000 at position 2"),
            ["DEL"] = ("ab\u007Fcd", "contains control character U+007F at position 2"),
            ["zero-width space"] = ("ab\u200Bcd", "contains invisible format character U+200B at position 2"),
            ["zero-width joiner"] = ("ab\u200Dcd", "contains invisible format character U+200D at position 2"),
            ["byte order mark"] = ("ab\uFEFFcd", "contains invisible format character U+FEFF at position 2"),
            ["soft hyphen"] = ("ab\u00ADcd", "contains invisible format character U+00AD at position 2"),
            ["private use"] = ("ab\uE000cd", "contains private-use code point U+E000 at position 2"),
            ["unassigned"] = ("ab\u0378cd", "contains unassigned code point U+0378 at position 2"),
            ["lone high surrogate"] = ("ab\uD800cd", "contains an unpaired surrogate"),
            ["lone low surrogate"] = ("ab\uDC00cd", "contains an unpaired surrogate"),
            ["high surrogate at end"] = ("abcd\uD83D", "contains an unpaired surrogate"),
            ["swapped surrogates"] = ("ab\uDE00\uD83Dcd", "contains an unpaired surrogate"),
            ["256 characters"] = (new string('a', 256), "is 256 characters long, more than 255"),
        };

    /// <summary>Every kind crossed with every part index below <paramref name="parts"/>.</summary>
    public static TheoryData<string, int> KindsInParts(int parts)
    {
        var data = new TheoryData<string, int>();
        foreach (var kind in ByKind.Keys)
        {
            for (var index = 0; index < parts; index++)
            {
                data.Add(kind, index);
            }
        }

        return data;
    }

    public static TheoryData<string> Kinds()
    {
        var data = new TheoryData<string>();
        foreach (var kind in ByKind.Keys)
        {
            data.Add(kind);
        }

        return data;
    }
}
