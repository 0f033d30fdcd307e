using ExchangeGateway.Registries.TravelDocuments;

namespace ExchangeGateway.Registries.Tests.TravelDocuments;

public sealed class MrzTests
{
    // The specimen passport of ICAO Doc 9303 Part 4, Appendix A.
    private const string SpecimenLine1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    private const string SpecimenLine2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

    [Fact]
    public void ValidateTd3_IcaoSpecimen_IsValid()
    {
        Assert.Equal(MrzValidity.Valid, Mrz.ValidateTd3(SpecimenLine1, SpecimenLine2));
    }

    [Theory]
    [InlineData("L898902C3", 6)]
    [InlineData("740812", 2)]
    [InlineData("120415", 9)]
    [InlineData("ZE184226B<<<<<", 1)]
    [InlineData("L898902C36" + "7408122" + "1204159ZE184226B<<<<<1", 0)]
    public void CheckDigit_IcaoSpecimenFields_MatchPrintedDigits(string field, int expected)
    {
        Assert.Equal(expected, Mrz.CheckDigit(field));
    }

    [Theory]
    [InlineData(0, 'M', MrzValidity.DocumentNumberCheckFailed)]
    [InlineData(7, 'D', MrzValidity.DocumentNumberCheckFailed)]
    [InlineData(9, '7', MrzValidity.DocumentNumberCheckFailed)]
    [InlineData(15, '1', MrzValidity.DateOfBirthCheckFailed)]
    [InlineData(19, '3', MrzValidity.DateOfBirthCheckFailed)]
    [InlineData(22, '3', MrzValidity.DateOfExpiryCheckFailed)]
    [InlineData(27, '8', MrzValidity.DateOfExpiryCheckFailed)]
    [InlineData(30, '9', MrzValidity.OptionalDataCheckFailed)]
    [InlineData(37, '1', MrzValidity.OptionalDataCheckFailed)]
    [InlineData(42, '2', MrzValidity.OptionalDataCheckFailed)]
    [InlineData(43, '1', MrzValidity.CompositeCheckFailed)]
    public void ValidateTd3_SpecimenWithOneCharacterChanged_ReportsTheCheckThatCovers(
        int position, char replacement, MrzValidity expected)
    {
        var line2 = Replace(SpecimenLine2, position, replacement);

        Assert.Equal(expected, Mrz.ValidateTd3(SpecimenLine1, line2));
    }

    [Theory]
    [InlineData(1, 10, 'X')]
    [InlineData(1, 20, 'M')]
    [InlineData(0, 8, 'X')]
    public void ValidateTd3_ChangeOutsideCheckedFields_StaysValid(int line, int position, char replacement)
    {
        // Doc 9303 puts no check digit over the name, the nationality or the sex: such a change goes unseen.
        var line1 = line == 0 ? Replace(SpecimenLine1, position, replacement) : SpecimenLine1;
        var line2 = line == 1 ? Replace(SpecimenLine2, position, replacement) : SpecimenLine2;

        Assert.Equal(MrzValidity.Valid, Mrz.ValidateTd3(line1, line2));
    }

    [Theory]
    [InlineData(SpecimenLine1 + "<", SpecimenLine2)]
    [InlineData(SpecimenLine1, "L898902C36UTO7408122F1204159ZE184226B<<<<1")]
    [InlineData("P<UTOEriksson<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", SpecimenLine2)]
    [InlineData("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", SpecimenLine2)]
    [InlineData(SpecimenLine1, "L898902C36UTO74O8122F1204159ZE184226B<<<<<10")]
    [InlineData(SpecimenLine1, "L898902C36UTO7408122X1204159ZE184226B<<<<<10")]
    [InlineData(SpecimenLine1, "L898902C36UTO7408122F1204159ZE184226B<<<<-10")]
    public void ValidateTd3_MalformedLine_IsMalformed(string line1, string line2)
    {
        Assert.Equal(MrzValidity.Malformed, Mrz.ValidateTd3(line1, line2));
    }

    [Fact]
    public void ComposeTd3_SpecimenFields_ReproducesSpecimenLines()
    {
        var mrz = Mrz.ComposeTd3(new Td3Fields(
            "P", "UTO", "Eriksson", "Anna Maria", "L898902C3", "UTO", new DateOnly(1974, 8, 12), Sex.Female,
            new DateOnly(2012, 4, 15), "ZE184226B"));

        Assert.Equal(new Td3Mrz(SpecimenLine1, SpecimenLine2), mrz);
    }

    [Fact]
    public void ComposeTd3_NamesWithSpacesHyphensAndApostrophes_EncodesFillers()
    {
        var mrz = Mrz.ComposeTd3(Fields() with { Surname = "Ben David-Levi", GivenNames = "O'Neil Ann" });

        Assert.StartsWith("P<ISRBEN<DAVID<LEVI<<ONEIL<ANN<", mrz.Line1, StringComparison.Ordinal);
        Assert.Equal(Mrz.Td3LineLength, mrz.Line1.Length);
    }

    [Fact]
    public void ComposeTd3_LongName_IsCutToTheNameField()
    {
        var mrz = Mrz.ComposeTd3(Fields() with { Surname = new string('A', 30), GivenNames = new string('B', 30) });

        Assert.Equal(Mrz.Td3LineLength, mrz.Line1.Length);
        Assert.EndsWith("<<BBBBBBB", mrz.Line1, StringComparison.Ordinal);
    }

    [Fact]
    public void ComposeTd3_EmptyOptionalData_WritesFillerCheckDigitAndValidates()
    {
        var mrz = Mrz.ComposeTd3(Fields());

        Assert.Equal(Mrz.Filler, mrz.Line2[42]);
        Assert.Equal(MrzValidity.Valid, Mrz.ValidateTd3(mrz.Line1, mrz.Line2));
    }

    [Fact]
    public void ValidateTd3_EmptyOptionalDataWithZeroCheckDigit_IsValid()
    {
        // '<' and '0' both count as 0, so the composite check digit stays as it was.
        var mrz = Mrz.ComposeTd3(Fields());
        var line2 = Replace(mrz.Line2, 42, '0');

        Assert.Equal(MrzValidity.Valid, Mrz.ValidateTd3(mrz.Line1, line2));
    }

    [Theory]
    [InlineData("1234567890")]
    [InlineData("AB-12345")]
    public void ComposeTd3_UnencodableDocumentNumber_Throws(string documentNumber)
    {
        Assert.Throws<ArgumentException>(() => Mrz.ComposeTd3(Fields() with { DocumentNumber = documentNumber }));
    }

    [Fact]
    public void ComposeTd3_NonLatinName_Throws()
    {
        Assert.Throws<ArgumentException>(() => Mrz.ComposeTd3(Fields() with { Surname = "Müller" }));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("L89-")]
    public void CheckDigit_CharacterOutsideTheMrzSet_Throws(string field)
    {
        Assert.Throws<ArgumentException>(() => Mrz.CheckDigit(field));
    }

    private static Td3Fields Fields() => new(
        "P", "ISR", "Cohen", "Noa", "31234567", "ISR", new DateOnly(1999, 2, 28), Sex.Female,
        new DateOnly(2031, 5, 1), "");

    private static string Replace(string line, int position, char replacement)
    {
        Assert.NotEqual(replacement, line[position]);
        return string.Concat(line.AsSpan(0, position), [replacement], line.AsSpan(position + 1));
    }
}
