using ExchangeGateway.Core.Identifiers;

namespace ExchangeGateway.Core.Tests.Identifiers;

public sealed class MemberIdTests
{
    private static readonly string[] PartNames = ["instance", "member class", "member code"];

    public static TheoryData<string, int> BadPartCases => BadParts.KindsInParts(3);

    [Theory]
    [InlineData("MD/GOV/1006601000037", "MD", "GOV", "1006601000037")]
    [InlineData("MD/GOV/Ministerul-Afacerilor-Externe", "MD", "GOV", "Ministerul-Afacerilor-Externe")]
    [InlineData("MD/GOV/\u00eenregistrare", "MD", "GOV", "\u00eenregistrare")]
    [InlineData("MD/COM/\u0218tefan_cel_Mare.SRL", "MD", "COM", "\u0218tefan_cel_Mare.SRL")]
    [InlineData("UA/\u0414\u0415\u0420\u0416/\u0426\u0435\u043d\u0442\u0440", "UA", "\u0414\u0415\u0420\u0416",
        "\u0426\u0435\u043d\u0442\u0440")]
    [InlineData("EE/NGO/a\U0001D400b", "EE", "NGO", "a\U0001D400b")]
    public void TryParse_GoodMember_RoundTripsThroughToString(
        string text, string instance, string memberClass, string code)
    {
        var parsed = MemberId.TryParse(text, out var member, out var error);

        Assert.True(parsed, error?.ToString());
        Assert.Null(error);
        Assert.Equal(instance, member!.Instance);
        Assert.Equal(memberClass, member.Class);
        Assert.Equal(code, member.Code);
        Assert.Equal(text, member.ToString());
        Assert.Equal(member, MemberId.Parse(member.ToString()));
    }

    [Theory]
    [MemberData(nameof(BadPartCases))]
    public void TryParse_BadPart_NamesPartAndReason(string kind, int index)
    {
        var (text, reason) = BadParts.ByKind[kind];
        var parts = new[] { "MD", "GOV", "1006601000037" };
        parts[index] = text;

        var parsed = MemberId.TryParse(string.Join('/', parts), out var member, out var error);

        Assert.False(parsed);
        Assert.Null(member);
        Assert.Equal(new IdentifierError(PartNames[index], reason), error);
    }

    [Fact]
    public void TryParse_PartOf255Characters_IsAccepted()
    {
        var code = new string('7', 255);

        Assert.True(MemberId.TryParse($"MD/GOV/{code}", out var member, out _));
        Assert.Equal(code, member.Code);
    }

    [Theory]
    [InlineData("MD/GOV/ab/cd", 4)]
    [InlineData("MD/GOV", 2)]
    [InlineData("MD", 1)]
    [InlineData("/MD/GOV/1006601000037", 4)]
    [InlineData("MD/GOV/1006601000037/", 4)]
    [InlineData("MD/GOV/1/border-control", 4)]
    public void TryParse_WrongNumberOfParts_SaysHowMany(string text, int parts)
    {
        Assert.False(MemberId.TryParse(text, out _, out var error));
        Assert.Equal(new IdentifierError("member", $"has {parts} parts separated by '/', expected 3"), error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void TryParse_NoText_IsEmpty(string? text)
    {
        Assert.False(MemberId.TryParse(text, out _, out var error));
        Assert.Equal(new IdentifierError("member", "is empty"), error);
    }

    [Fact]
    public void TryParse_WholeOver1024Characters_RefusedBeforeParts()
    {
        var text = "MD/GOV/" + new string('a', 1018);

        Assert.False(MemberId.TryParse(text, out _, out var error));
        Assert.Equal(new IdentifierError("member", "is 1025 characters long, more than 1024"), error);
    }

    [Fact]
    public void TryParse_SeveralBadParts_ReportsFirstPartAndFirstCharacter()
    {
        Assert.False(MemberId.TryParse("M;D/G OV/%", out _, out var error));
        Assert.Equal(new IdentifierError("instance", "contains ';' at position 1"), error);
    }

    [Fact]
    public void TryParse_BadCharacterAfterSurrogatePair_PositionCountsUtf16Units()
    {
        Assert.False(MemberId.TryParse("MD/GOV/a\U0001F600;b", out _, out var error));
        Assert.Equal(new IdentifierError("member code", "contains ';' at position 3"), error);
    }

    [Fact]
    public void TryParse_NotNfc_IsRefused()
    {
        Assert.False(MemberId.TryParse("MD/GOV/Cafe\u0301", out _, out var error));
        Assert.Equal(new IdentifierError("member code", "is not in Unicode normalisation form C"), error);
    }

    [Fact]
    public void Parse_BadText_ThrowsFormatExceptionWithTheError()
    {
        var thrown = Assert.Throws<FormatException>(() => MemberId.Parse("MD/GOV/"));

        Assert.Equal("bad member 'MD/GOV/': member code: is empty", thrown.Message);
    }

    [Fact]
    public void Equals_SameText_EqualWithSameHashCode()
    {
        var first = MemberId.Parse("MD/GOV/1006601000037");
        var second = MemberId.Parse("MD/GOV/1006601000037");

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, MemberId.Parse("MD/GOV/1006601000038"));
        Assert.NotEqual(first, MemberId.Parse("MD/gov/1006601000037"));
    }
}
