using ExchangeGateway.Cli.Commands;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Core.Subjects;

namespace ExchangeGateway.Cli.Tests.Commands;

public sealed class SubjectLinesTests
{
    [Fact]
    public void ALine_NamesTheGatewayTimeSideCallOutcomeAndMessage_AndAnEmptyUserOrIssueAsNone()
    {
        var access = new SubjectAccess(new DateTimeOffset(2026, 12, 6, 10, 1, 2, 345, TimeSpan.Zero), LogSide.Provider,
            "m-1", "MD/GOV/1/border-control", "MD/GOV/2/registry:migration.v1.ResidencePermits", "GetPermit", "",
            "border check", "OK");

        Assert.Equal(
            "migration-gw       2026-12-06 10:01:02.345 Provider MD/GOV/1/border-control -> " +
            "MD/GOV/2/registry:migration.v1.ResidencePermits GetPermit; user (none); issue border check; OK; " +
            "message m-1",
            SubjectLines.Format("migration-gw", access));
    }
}
