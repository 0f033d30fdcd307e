using System.Formats.Asn1;
using System.Globalization;
using System.Text;

namespace ExchangeGateway.Core.Timestamping;

/// <summary>
/// Reads TSTInfo genTime (RFC 3161 section 2.4.2) to the tick. Workaround for .NET's
/// <see cref="AsnReader.ReadGeneralizedTime"/>, which reads some fractions a tick short (<c>.69</c> as
/// <c>.6899999</c>), so a token's time would differ from what OpenSSL prints for the same token.
/// </summary>
internal static class TstInfoTime
{
    /// <summary>The genTime of a DER TSTInfo, or null when it is not <c>YYYYMMDDhhmmss[.f...]Z</c>.</summary>
    public static DateTimeOffset? Read(ReadOnlyMemory<byte> tstInfo)
    {
        try
        {
            // TSTInfo ::= SEQUENCE { version, policy, messageImprint, serialNumber, genTime, ... }
            var info = new AsnReader(tstInfo, AsnEncodingRules.DER).ReadSequence();
            _ = info.ReadInteger();
            _ = info.ReadObjectIdentifier();
            _ = info.ReadSequence();
            _ = info.ReadInteger();
            var encoded = info.ReadEncodedValue().Span;
            var tag = Asn1Tag.Decode(encoded, out _);
            if (!tag.HasSameClassAndValue(Asn1Tag.GeneralizedTime))
            {
                return null;
            }

            AsnDecoder.ReadEncodedValue(encoded, AsnEncodingRules.DER, out var offset, out var length, out _);
            return Parse(Encoding.ASCII.GetString(encoded.Slice(offset, length)));
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    private static DateTimeOffset? Parse(string text)
    {
        // X.690 section 11.7: seconds always present, "Z", a full stop and no trailing zeros in the fraction.
        if (text.Length < 15 || text[^1] != 'Z' || !DateTime.TryParseExact(text[..14], "yyyyMMddHHmmss",
                CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
                out var seconds))
        {
            return null;
        }

        var fraction = text[14..^1];
        if (fraction.Length == 0)
        {
            return new DateTimeOffset(seconds, TimeSpan.Zero);
        }

        var digits = fraction[1..];
        if (fraction[0] != '.' || digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        // Ticks are 10^-7 s: finer digits are dropped, as the type cannot hold them.
        var ticks = long.Parse(digits.PadRight(7, '0')[..7], CultureInfo.InvariantCulture);
        return new DateTimeOffset(seconds, TimeSpan.Zero).AddTicks(ticks);
    }
}
