using ExchangeGateway.Core.Identifiers;

namespace ExchangeGateway.Core.Tests.Identifiers;

public sealed class MethodPathTests
{
    [Theory]
    [InlineData("/migration.v1.ResidencePermits/GetPermit", "migration.v1.ResidencePermits", "GetPermit")]
    [InlineData("/Svc/M", "Svc", "M")]
    [InlineData("/_a.b_c.D9/e_1", "_a.b_c.D9", "e_1")]
    public void TryParse_GoodPath_RoundTripsThroughToString(string path, string service, string method)
    {
        var parsed = MethodPath.TryParse(path, out var methodPath, out var error);

        Assert.True(parsed, error?.ToString());
        Assert.Equal(service, methodPath!.Service);
        Assert.Equal(method, methodPath.Method);
        Assert.Equal(path, methodPath.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("migration.v1.ResidencePermits/GetPermit")]
    [InlineData(" /migration.v1.ResidencePermits/GetPermit")]
    [InlineData("\\migration.v1.ResidencePermits/GetPermit")]
    public void TryParse_NoLeadingSlash_IsRefused(string? path)
    {
        Assert.False(MethodPath.TryParse(path, out var methodPath, out var error));
        Assert.Null(methodPath);
        Assert.Equal(new IdentifierError("method path", "does not start with '/'"), error);
    }

    [Theory]
    [InlineData("/migration.v1.ResidencePermits")]
    [InlineData("/")]
    public void TryParse_NoSecondSlash_IsRefused(string path)
    {
        Assert.False(MethodPath.TryParse(path, out _, out var error));
        Assert.Equal(new IdentifierError("method path", "has no '/' between service and method"), error);
    }

    [Theory]
    [InlineData("//GetPermit", "service name", "is empty")]
    [InlineData("/pkg.Svc/", "method name", "is empty")]
    [InlineData("/pkg.Svc/Get.Permit", "method name", "contains '.'")]
    [InlineData("/pkg.Svc/Get/Permit", "method name", "contains '/' at position 3")]
    [InlineData("/pkg.Svc/1Get", "method name",
        "segment '1Get' is not a protobuf identifier ([A-Za-z_][A-Za-z0-9_]*)")]
    [InlineData("/pkg.Svc/Get-Permit", "method name",
        "segment 'Get-Permit' is not a protobuf identifier ([A-Za-z_][A-Za-z0-9_]*)")]
    [InlineData("/pkg..Svc/Get", "service name", "has an empty segment between dots")]
    [InlineData("/pkg.Svc/Get\u200B", "method name", "contains invisible format character U+200B at position 3")]
    [InlineData("/pkg.Svc/Get Permit", "method name", "contains white space U+0020 at position 3")]
    [InlineData("/pkg.Svc:x/Get", "service name", "contains ':' at position 7")]
    [InlineData("/pkg.Svc/Get%20", "method name", "contains '%' at position 3")]
    public void TryParse_BadName_NamesPartAndReason(string path, string part, string reason)
    {
        Assert.False(MethodPath.TryParse(path, out _, out var error));
        Assert.Equal(new IdentifierError(part, reason), error);
    }

    [Fact]
    public void TryCreate_GoodNames_MakesPath()
    {
        Assert.True(MethodPath.TryCreate("migration.v1.ResidencePermits", "GetPermit", out var path, out _));
        Assert.Equal("/migration.v1.ResidencePermits/GetPermit", path.ToString());
    }

    [Fact]
    public void TryCreate_DottedMethodName_IsRefused()
    {
        Assert.False(MethodPath.TryCreate("pkg.Svc", "pkg.Get", out var path, out var error));
        Assert.Null(path);
        Assert.Equal(new IdentifierError("method name", "contains '.'"), error);
    }
}
