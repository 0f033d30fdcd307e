using ExchangeGateway.Core.Identifiers;

namespace ExchangeGateway.Core.Tests.Identifiers;

public sealed class SubsystemIdTests
{
    private static readonly string[] PartNames = ["instance", "member class", "member code", "subsystem code"];

    public static TheoryData<string, int> BadPartCases => BadParts.KindsInParts(4);

    [Theory]
    [InlineData("MD/GOV/1006601000037/foreigners-registry", "MD/GOV/1006601000037", "foreigners-registry")]
    [InlineData("MD/GOV/Ministerul-Afacerilor-Externe/\u00eenregistrare", "MD/GOV/Ministerul-Afacerilor-Externe",
        "\u00eenregistrare")]
    [InlineData("MD/GOV/1012601000025/border_control.v2", "MD/GOV/1012601000025", "border_control.v2")]
    public void TryParse_GoodSubsystem_RoundTripsThroughToString(string text, string member, string code)
    {
        var parsed = SubsystemId.TryParse(text, out var subsystem, out var error);

        Assert.True(parsed, error?.ToString());
        Assert.Equal(MemberId.Parse(member), subsystem!.Member);
        Assert.Equal(code, subsystem.Code);
        Assert.Equal(text, subsystem.ToString());
        Assert.Equal(subsystem, SubsystemId.Parse(subsystem.ToString()));
    }

    [Theory]
    [MemberData(nameof(BadPartCases))]
    public void TryParse_BadPart_NamesPartAndReason(string kind, int index)
    {
        var (text, reason) = BadParts.ByKind[kind];
        var parts = new[] { "MD", "GOV", "1006601000037", "foreigners-registry" };
        parts[index] = text;

        var parsed = SubsystemId.TryParse(string.Join('/', parts), out var subsystem, out var error);

        Assert.False(parsed);
        Assert.Null(subsystem);
        Assert.Equal(new IdentifierError(PartNames[index], reason), error);
    }

    [Theory]
    [InlineData("MD/GOV/1006601000037/foreigners/registry", 5)]
    [InlineData("MD/GOV/1006601000037", 3)]
    [InlineData("MD/GOV/1006601000037/foreigners-registry/", 5)]
    public void TryParse_WrongNumberOfParts_SaysHowMany(string text, int parts)
    {
        Assert.False(SubsystemId.TryParse(text, out _, out var error));
        Assert.Equal(new IdentifierError("subsystem", $"has {parts} parts separated by '/', expected 4"), error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void TryParse_NoText_IsEmpty(string? text)
    {
        Assert.False(SubsystemId.TryParse(text, out _, out var error));
        Assert.Equal(new IdentifierError("subsystem", "is empty"), error);
    }

    [Fact]
    public void TryParse_LongestPartsAdding_To1023_IsAccepted()
    {
        var part = new string('x', 255);
        var text = string.Join('/', part, part, part, part);

        Assert.Equal(1023, text.Length);
        Assert.True(SubsystemId.TryParse(text, out var subsystem, out var error), error?.ToString());
        Assert.Equal(text, subsystem.ToString());
    }

    [Fact]
    public void TryParse_WholeOver1024Characters_RefusedBeforeParts()
    {
        var text = "MD/GOV/1/" + new string('a', 1016);

        Assert.False(SubsystemId.TryParse(text, out _, out var error));
        Assert.Equal(new IdentifierError("subsystem", "is 1025 characters long, more than 1024"), error);
    }

    [Fact]
    public void TryCreate_GoodCode_MakesSubsystemOfMember()
    {
        var member = MemberId.Parse("MD/GOV/1006601000037");

        Assert.True(SubsystemId.TryCreate(member, "\u00eenregistrare", out var subsystem, out _));
        Assert.Same(member, subsystem.Member);
        Assert.Equal("MD/GOV/1006601000037/\u00eenregistrare", subsystem.ToString());
    }

    [Theory]
    [InlineData("a/b", "contains '/' at position 1")]
    [InlineData("", "is empty")]
    [InlineData("a\u200Db", "contains invisible format character U+200D at position 1")]
    public void TryCreate_BadCode_NamesSubsystemCode(string code, string reason)
    {
        var member = MemberId.Parse("MD/GOV/1006601000037");

        Assert.False(SubsystemId.TryCreate(member, code, out var subsystem, out var error));
        Assert.Null(subsystem);
        Assert.Equal(new IdentifierError("subsystem code", reason), error);
    }

    [Fact]
    public void TryParse_NotNfcSubsystemCode_IsRefused()
    {
        Assert.False(SubsystemId.TryParse("MD/GOV/1/i\u0302nregistrare", out _, out var error));
        Assert.Equal(new IdentifierError("subsystem code", "is not in Unicode normalisation form C"), error);
    }

    [Fact]
    public void Parse_BadText_ThrowsFormatExceptionWithTheError()
    {
        var thrown = Assert.Throws<FormatException>(() => SubsystemId.Parse("MD/GOV/1/a b"));

        Assert.Equal("bad subsystem 'MD/GOV/1/a b': subsystem code: contains white space U+0020 at position 1",
            thrown.Message);
    }
}
