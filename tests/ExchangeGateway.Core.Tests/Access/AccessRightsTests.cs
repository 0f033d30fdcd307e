using ExchangeGateway.Core.Access;
using ExchangeGateway.Core.Identifiers;
using ExchangeGateway.Core.Tests.Support;

namespace ExchangeGateway.Core.Tests.Access;

public sealed class AccessRightsTests
{
    private static readonly ServiceId Permits = ServiceId.Parse(TestFederation.Service);

    private static readonly SubsystemId BorderControl = SubsystemId.Parse(TestFederation.ClientSubsystem);

    [Fact]
    public void IsAllowed_NoGrants_RefusesEverything()
    {
        var rights = new AccessRights([]);

        Assert.False(rights.IsAllowed(BorderControl, Permits, "GetPermit"));
    }

    [Fact]
    public void IsAllowed_GrantForService_AllowsOnlyThatService()
    {
        var grant = new AccessGrant(BorderControl.Member, BorderControl.Code, null);
        var rights = new AccessRights([new(Permits, [grant])]);

        Assert.True(rights.IsAllowed(BorderControl, ServiceId.Parse(TestFederation.Service), "GetPermit"));
        Assert.False(rights.IsAllowed(BorderControl, ServiceId.Parse(TestFederation.Service + "V2"), "GetPermit"));
    }

    [Fact]
    public void IsAllowed_SeveralGrants_AnyOneSuffices()
    {
        var rights = new AccessRights([new(Permits,
        [
            new AccessGrant(BorderControl.Member, "visa-desk", null),
            new AccessGrant(BorderControl.Member, null, new HashSet<string> { "GetPermit" }),
        ])]);

        Assert.True(rights.IsAllowed(BorderControl, Permits, "GetPermit"));
        Assert.False(rights.IsAllowed(BorderControl, Permits, "ListPermits"));
    }
}
