using System.Globalization;
using System.Text;

namespace ExchangeGateway.Registries.TravelDocuments;

/// <summary>
/// Check digits, composition and validation of TD3 (passport-size) machine-readable zones, as ICAO Doc 9303
/// Part 3 (check digits) and Part 4 (TD3 layout) define them.
/// </summary>
/// <remarks>
/// Line 2 of a TD3 zone, by 1-based position: 1-9 document number, 10 its check digit, 11-13 nationality,
/// 14-19 date of birth (YYMMDD), 20 its check digit, 21 sex, 22-27 date of expiry, 28 its check digit,
/// 29-42 optional data, 43 its check digit, 44 the composite check digit over positions 1-10, 14-20 and 22-43.
/// </remarks>
public static class Mrz
{
    /// <summary>The length of each of the two TD3 lines.</summary>
    public const int Td3LineLength = 44;

    /// <summary>The filler character.</summary>
    public const char Filler = '<';

    private const int NameLength = 39;
    private const int DocumentNumberLength = 9;
    private const int OptionalDataLength = 14;

    // Doc 9303 Part 3, 4.9: the weights repeat 7, 3, 1 from the first character of the field.
    private static readonly int[] Weights = [7, 3, 1];

    /// <summary>Computes the check digit of an MRZ field (ICAO 9303 Part 3, 4.9).</summary>
    /// <param name="field">Characters 0-9, A-Z (valued 10 to 35) and <c>&lt;</c> (valued 0).</param>
    /// <returns>The check digit, 0 to 9.</returns>
    /// <exception cref="ArgumentException">The field holds another character.</exception>
    public static int CheckDigit(ReadOnlySpan<char> field)
    {
        var sum = 0;
        for (var i = 0; i < field.Length; i++)
        {
            sum += ValueOf(field[i]) * Weights[i % Weights.Length];
        }

        return sum % 10;
    }

    /// <summary>Encodes the fields of a passport as a TD3 machine-readable zone.</summary>
    /// <param name="fields">The data to encode.</param>
    /// <returns>The two lines, each 44 characters.</returns>
    /// <exception cref="ArgumentException">A field cannot be encoded: an unknown character or too long.</exception>
    /// <remarks>
    /// Names are upper-cased; spaces and hyphens become fillers and apostrophes are dropped. A name longer than
    /// the 39 characters of the name field is cut at 39. When the optional data is empty its check digit is a
    /// filler, which Doc 9303 allows.
    /// </remarks>
    public static Td3Mrz ComposeTd3(Td3Fields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);

        var line1 = new StringBuilder(Td3LineLength)
            .Append(Field(fields.DocumentCode, 2, nameof(fields.DocumentCode)))
            .Append(Code(fields.IssuingState, nameof(fields.IssuingState)))
            .Append(NameField(fields.Surname, fields.GivenNames));

        var documentNumber = Field(fields.DocumentNumber, DocumentNumberLength, nameof(fields.DocumentNumber));
        var birth = DateField(fields.DateOfBirth);
        var expiry = DateField(fields.DateOfExpiry);
        var optional = Field(fields.OptionalData, OptionalDataLength, nameof(fields.OptionalData));
        var optionalCheck = fields.OptionalData.Length == 0 ? Filler : Digit(CheckDigit(optional));

        var line2 = new StringBuilder(Td3LineLength)
            .Append(documentNumber).Append(Digit(CheckDigit(documentNumber)))
            .Append(Code(fields.Nationality, nameof(fields.Nationality)))
            .Append(birth).Append(Digit(CheckDigit(birth)))
            .Append(SexCode(fields.Sex))
            .Append(expiry).Append(Digit(CheckDigit(expiry)))
            .Append(optional).Append(optionalCheck);
        line2.Append(Digit(CheckDigit(CompositeOf(line2.ToString()))));

        return new Td3Mrz(line1.ToString(), line2.ToString());
    }

    /// <summary>Validates a TD3 machine-readable zone: its form, then each check digit in line order.</summary>
    /// <param name="line1">The first line.</param>
    /// <param name="line2">The second line.</param>
    /// <returns><see cref="MrzValidity.Valid"/>, or the first check that failed.</returns>
    public static MrzValidity ValidateTd3(string line1, string line2)
    {
        ArgumentNullException.ThrowIfNull(line1);
        ArgumentNullException.ThrowIfNull(line2);

        if (!IsWellFormed(line1, line2))
        {
            return MrzValidity.Malformed;
        }

        if (!Matches(line2.AsSpan(0, 9), line2[9]))
        {
            return MrzValidity.DocumentNumberCheckFailed;
        }

        if (!Matches(line2.AsSpan(13, 6), line2[19]))
        {
            return MrzValidity.DateOfBirthCheckFailed;
        }

        if (!Matches(line2.AsSpan(21, 6), line2[27]))
        {
            return MrzValidity.DateOfExpiryCheckFailed;
        }

        if (!OptionalDataMatches(line2.AsSpan(28, OptionalDataLength), line2[42]))
        {
            return MrzValidity.OptionalDataCheckFailed;
        }

        return Matches(CompositeOf(line2), line2[43]) ? MrzValidity.Valid : MrzValidity.CompositeCheckFailed;
    }

    private static bool IsWellFormed(string line1, string line2)
    {
        if (line1.Length != Td3LineLength || line2.Length != Td3LineLength)
        {
            return false;
        }

        if (!line1.All(IsMrzCharacter) || !line2.All(IsMrzCharacter) || line1[0] != 'P')
        {
            return false;
        }

        var datesAreDigits = !line2.AsSpan(13, 6).ContainsAnyExceptInRange('0', '9')
            && !line2.AsSpan(21, 6).ContainsAnyExceptInRange('0', '9');
        return datesAreDigits && line2[20] is 'F' or 'M' or Filler;
    }

    private static bool OptionalDataMatches(ReadOnlySpan<char> optional, char check)
    {
        // Doc 9303 Part 4, 4.2.2: an unused optional data field may carry a filler or zero as its check digit.
        if (!optional.ContainsAnyExcept(Filler) && check is Filler or '0')
        {
            return true;
        }

        return Matches(optional, check);
    }

    private static string CompositeOf(string line2) =>
        string.Concat(line2.AsSpan(0, 10), line2.AsSpan(13, 7), line2.AsSpan(21, 22));

    private static bool Matches(ReadOnlySpan<char> field, char check) =>
        check is >= '0' and <= '9' && CheckDigit(field) == check - '0';

    private static int ValueOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'Z' => c - 'A' + 10,
        Filler => 0,
        _ => throw new ArgumentException($"'{c}' is not a machine-readable zone character.", nameof(c)),
    };

    private static bool IsMrzCharacter(char c) => c is >= '0' and <= '9' or >= 'A' and <= 'Z' or Filler;

    private static char Digit(int value) => (char)('0' + value);

    private static string DateField(DateOnly date) => date.ToString("yyMMdd", CultureInfo.InvariantCulture);

    private static char SexCode(Sex sex) => sex switch
    {
        Sex.Female => 'F',
        Sex.Male => 'M',
        Sex.Unspecified => Filler,
        _ => throw new ArgumentOutOfRangeException(nameof(sex), sex, "Unknown sex."),
    };

    private static string Code(string code, string name)
    {
        if (code.Length != 3)
        {
            throw new ArgumentException($"{name} must be a three-letter code, not '{code}'.", name);
        }

        return Field(code, 3, name);
    }

    private static string Field(string value, int length, string name)
    {
        var upper = value.ToUpperInvariant();
        if (upper.Length > length || !upper.All(IsMrzCharacter))
        {
            throw new ArgumentException(
                $"{name} '{value}' is longer than {length} characters or holds other than A-Z and 0-9.", name);
        }

        return upper.PadRight(length, Filler);
    }

    private static string NameField(string surname, string givenNames)
    {
        var name = givenNames.Length == 0
            ? NamePart(surname, nameof(surname))
            : NamePart(surname, nameof(surname)) + "<<" + NamePart(givenNames, nameof(givenNames));
        return name.Length > NameLength ? name[..NameLength] : name.PadRight(NameLength, Filler);
    }

    private static string NamePart(string part, string name)
    {
        var encoded = new StringBuilder(part.Length);
        foreach (var c in part.Trim().ToUpperInvariant())
        {
            switch (c)
            {
                case >= 'A' and <= 'Z':
                    encoded.Append(c);
                    break;
                case ' ' or '-':
                    encoded.Append(Filler);
                    break;
                case '\'':
                    break;
                default:
                    throw new ArgumentException($"'{c}' in {name} has no machine-readable zone form.", name);
            }
        }

        return encoded.ToString();
    }
}
