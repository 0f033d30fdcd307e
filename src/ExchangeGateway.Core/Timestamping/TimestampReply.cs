using System.Diagnostics.CodeAnalysis;
using System.Formats.Asn1;
using System.Text;

namespace ExchangeGateway.Core.Timestamping;

/// <summary>A decoded TimeStampResp (RFC 3161 section 2.4.2): the status and, when granted, the token.</summary>
/// <param name="Status">The PKIStatus.</param>
/// <param name="FailureInfo">The PKIFailureInfo bits; <see cref="TimestampFailureInfo.None"/> when absent.</param>
/// <param name="StatusText">The PKIFreeText strings, joined; empty when absent.</param>
/// <param name="Token">The time-stamp token (ContentInfo) as encoded in the reply; null when absent.</param>
public sealed record TimestampReply(
    TimestampStatus Status, TimestampFailureInfo FailureInfo, string StatusText, byte[]? Token)
{
    /// <summary>Decodes a reply; never throws for bad input.</summary>
    public static bool TryDecode(
        byte[] encoded, [NotNullWhen(true)] out TimestampReply? reply, [NotNullWhen(false)] out string? failure)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        reply = null;
        try
        {
            // TimeStampResp ::= SEQUENCE { status PKIStatusInfo, timeStampToken TimeStampToken OPTIONAL }
            var outer = new AsnReader(encoded, AsnEncodingRules.BER);
            var response = outer.ReadSequence();
            outer.ThrowIfNotEmpty();
            var (status, failureInfo, text) = ReadStatus(response.ReadSequence());
            byte[]? token = response.HasData ? response.ReadEncodedValue().ToArray() : null;
            response.ThrowIfNotEmpty();
            reply = new TimestampReply(status, failureInfo, text, token);
            failure = null;
            return true;
        }
        catch (AsnContentException ex)
        {
            failure = $"the reply is not a TimeStampResp: {ex.Message}";
            return false;
        }
    }

    private static (TimestampStatus, TimestampFailureInfo, string) ReadStatus(AsnReader statusInfo)
    {
        // PKIStatusInfo ::= SEQUENCE { status PKIStatus, statusString PKIFreeText OPTIONAL,
        //                              failInfo PKIFailureInfo OPTIONAL }
        if (!statusInfo.TryReadInt32(out var status) || !Enum.IsDefined((TimestampStatus)status))
        {
            throw new AsnContentException("PKIStatus is not a known value");
        }

        var text = new StringBuilder();
        if (statusInfo.HasData && statusInfo.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
        {
            var strings = statusInfo.ReadSequence();
            while (strings.HasData)
            {
                var line = strings.ReadCharacterString(UniversalTagNumber.UTF8String);
                text.Append(text.Length > 0 ? "; " : "").Append(line);
            }
        }

        var failureInfo = TimestampFailureInfo.None;
        if (statusInfo.HasData)
        {
            failureInfo = ReadFailureInfo(statusInfo.ReadBitString(out var unused), unused);
        }

        statusInfo.ThrowIfNotEmpty();
        return ((TimestampStatus)status, failureInfo, text.ToString());
    }

    private static TimestampFailureInfo ReadFailureInfo(byte[] bits, int unusedBits)
    {
        // Named bit n is bit (7 - n % 8) of byte n / 8; read them one by one, so BER's trailing zero bits and any
        // unknown bits above 31 do no harm.
        var value = 0;
        var count = (bits.Length * 8) - unusedBits;
        for (var n = 0; n < Math.Min(count, 31); n++)
        {
            if ((bits[n / 8] & (0x80 >> (n % 8))) != 0)
            {
                value |= 1 << n;
            }
        }

        return (TimestampFailureInfo)value;
    }
}
