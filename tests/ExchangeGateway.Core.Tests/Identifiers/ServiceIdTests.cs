using ExchangeGateway.Core.Identifiers;

namespace ExchangeGateway.Core.Tests.Identifiers;

public sealed class ServiceIdTests
{
    private const string Subsystem = "MD/GOV/1006601000037/foreigners-registry";

    public static TheoryData<string> BadKinds => BadParts.Kinds();

    [Theory]
    [InlineData(Subsystem + ":migration.v1.ResidencePermits", Subsystem, "migration.v1.ResidencePermits")]
    [InlineData("MD/GOV/1/\u00eenregistrare:_internal.Svc2", "MD/GOV/1/\u00eenregistrare", "_internal.Svc2")]
    [InlineData(Subsystem + ":Ping", Subsystem, "Ping")]
    public void TryParse_GoodService_RoundTripsThroughToString(string text, string subsystem, string name)
    {
        var parsed = ServiceId.TryParse(text, out var service, out var error);

        Assert.True(parsed, error?.ToString());
        Assert.Equal(SubsystemId.Parse(subsystem), service!.Subsystem);
        Assert.Equal(name, service.Name);
        Assert.Equal(text, service.ToString());
        Assert.Equal(service, ServiceId.Parse(service.ToString()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void TryParse_NoText_IsEmpty(string? text)
    {
        Assert.False(ServiceId.TryParse(text, out _, out var error));
        Assert.Equal(new IdentifierError("service", "is empty"), error);
    }

    [Fact]
    public void TryParse_NoColon_SaysColonIsMissing()
    {
        Assert.False(ServiceId.TryParse(Subsystem, out _, out var error));
        Assert.Equal(
            new IdentifierError("service", "has no ':' between the subsystem and the gRPC service name"), error);
    }

    [Fact]
    public void TryParse_ColonInsideSubsystem_ChangesSubsystemPartCount()
    {
        Assert.False(ServiceId.TryParse("MD/GOV:X/1/registry:pkg.Svc", out _, out var error));
        Assert.Equal(new IdentifierError("subsystem", "has 2 parts separated by '/', expected 4"), error);
    }

    [Fact]
    public void TryParse_SecondColon_IsInTheServiceName()
    {
        Assert.False(ServiceId.TryParse(Subsystem + ":pkg.Svc:Extra", out _, out var error));
        Assert.Equal(new IdentifierError("service name", "contains ':' at position 7"), error);
    }

    [Fact]
    public void TryParse_SlashInServiceName_IsRefusedAsCharacter()
    {
        Assert.False(ServiceId.TryParse(Subsystem + ":pkg/Svc", out _, out var error));
        Assert.Equal(new IdentifierError("service name", "contains '/' at position 3"), error);
    }

    [Fact]
    public void TryParse_BadSubsystemCode_NamesSubsystemCode()
    {
        Assert.False(ServiceId.TryParse("MD/GOV/1/foreigners registry:pkg.Svc", out _, out var error));
        Assert.Equal(new IdentifierError("subsystem code", "contains white space U+0020 at position 10"), error);
    }

    [Theory]
    [MemberData(nameof(BadKinds))]
    public void TryParse_BadPartKindInServiceName_NamesServiceName(string kind)
    {
        var (text, reason) = BadParts.ByKind[kind];

        Assert.False(ServiceId.TryParse($"{Subsystem}:{text}", out _, out var error));
        Assert.Equal(new IdentifierError("service name", reason), error);
    }

    [Theory]
    [InlineData("pkg..Svc", "has an empty segment between dots")]
    [InlineData(".pkg.Svc", "has an empty segment between dots")]
    [InlineData("pkg.Svc.", "has an empty segment between dots")]
    [InlineData("1pkg.Svc", "segment '1pkg' is not a protobuf identifier ([A-Za-z_][A-Za-z0-9_]*)")]
    [InlineData("pkg.Svc-v2", "segment 'Svc-v2' is not a protobuf identifier ([A-Za-z_][A-Za-z0-9_]*)")]
    [InlineData("pkg.R\u00e9sidence", "segment 'R\u00e9sidence' is not a protobuf identifier ([A-Za-z_][A-Za-z0-9_]*)")]
    [InlineData("pkg.\u0421vc", "segment '\u0421vc' is not a protobuf identifier ([A-Za-z_][A-Za-z0-9_]*)")]
    public void TryParse_NameNotProtobufIdentifier_SaysWhichSegment(string name, string reason)
    {
        Assert.False(ServiceId.TryParse($"{Subsystem}:{name}", out _, out var error));
        Assert.Equal(new IdentifierError("service name", reason), error);
    }

    [Fact]
    public void TryCreate_GoodName_MakesServiceOfSubsystem()
    {
        var subsystem = SubsystemId.Parse(Subsystem);

        Assert.True(ServiceId.TryCreate(subsystem, "migration.v1.ResidencePermits", out var service, out _));
        Assert.Same(subsystem, service.Subsystem);
        Assert.Equal(Subsystem + ":migration.v1.ResidencePermits", service.ToString());
    }

    [Fact]
    public void TryParse_WholeOver1024Characters_IsRefused()
    {
        var part = new string('x', 255);
        var text = string.Join('/', part, part, part, part) + ":" + new string('S', 200);

        Assert.False(ServiceId.TryParse(text, out _, out var error));
        Assert.Equal(new IdentifierError("service", $"is {text.Length} characters long, more than 1024"), error);
    }

    [Fact]
    public void Parse_BadText_ThrowsFormatExceptionWithTheError()
    {
        var thrown = Assert.Throws<FormatException>(() => ServiceId.Parse(Subsystem + ":pkg..Svc"));

        Assert.Equal($"bad service '{Subsystem}:pkg..Svc': service name: has an empty segment between dots",
            thrown.Message);
    }
}
