using ExchangeGateway.Core.Access;
using ExchangeGateway.Core.Identifiers;
using ExchangeGateway.Core.Tests.Support;

namespace ExchangeGateway.Core.Tests.Access;

public sealed class AccessGrantTests
{
    private static readonly MemberId Client = MemberId.Parse(TestFederation.ClientMember);

    private static readonly SubsystemId BorderControl = SubsystemId.Parse(TestFederation.ClientSubsystem);

    [Theory]
    [InlineData(null, null, "border-control", "GetPermit", true)]
    [InlineData(null, null, "visa-desk", "AnyMethod", true)]
    [InlineData("border-control", null, "border-control", "GetPermit", true)]
    [InlineData("border-control", null, "visa-desk", "GetPermit", false)]
    [InlineData(null, "GetPermit", "visa-desk", "GetPermit", true)]
    [InlineData(null, "GetPermit", "visa-desk", "ListPermits", false)]
    [InlineData("border-control", "GetPermit", "border-control", "getpermit", false)]
    public void Allows_SubsystemAndMethodScope(
        string? subsystemCode, string? method, string clientCode, string calledMethod, bool allowed)
    {
        var grant = new AccessGrant(Client, subsystemCode, method is null ? null : new HashSet<string> { method });
        var client = SubsystemId.Parse($"{TestFederation.ClientMember}/{clientCode}");

        Assert.Equal(allowed, grant.Allows(client, calledMethod));
    }

    [Fact]
    public void Allows_SameSubsystemCodeOfOtherMember_IsRefused()
    {
        var grant = new AccessGrant(Client, "border-control", null);

        Assert.True(grant.Allows(BorderControl, "GetPermit"));
        Assert.False(grant.Allows(SubsystemId.Parse(TestFederation.ProviderMember + "/border-control"), "GetPermit"));
    }
}
