using ExchangeGateway.Registries.Data;
using ExchangeGateway.Registries.Tests.Fakes;

namespace ExchangeGateway.Registries.Tests.Data;

public sealed class PopulationRecordsTests
{
    private static readonly HashSet<string> CrossingPoints = new(StringComparer.Ordinal)
    {
        "Leuseni", "Sculeni", "Giurgiulesti", "Cahul", "Costesti", "Ungheni", "Palanca", "Otaci", "Criva",
        "Tudora", "Chisinau International Airport",
    };

    private static readonly HashSet<string> VisaNationalities = new(StringComparer.Ordinal)
    {
        "CHN", "IND", "IRN", "VNM", "SYR", "IRQ", "EGY", "NGA",
    };

    private static Population Population => SharedPopulation.Default;

    private static DateOnly Today => Population.ReferenceDate;

    [Fact]
    public void Generate_ResidencePermits_CoverEveryTypeAndStatusWithConsistentDates()
    {
        var permits = Population.ResidencePermits;

        Assert.Equal(Enum.GetValues<PermitType>().Skip(1), permits.Select(p => p.Type).Distinct().Order());
        Assert.Equal(Enum.GetValues<PermitStatus>().Skip(1), permits.Select(p => p.Status).Distinct().Order());
        Assert.Equal(permits.Count, permits.Select(p => p.PermitNumber).Distinct(StringComparer.Ordinal).Count());
        Assert.All(permits, permit =>
        {
            Assert.NotNull(Population.FindPerson(permit.DocumentNumber));
            Assert.True(permit.ValidFrom <= permit.ValidUntil);
            Assert.Equal(permit.ValidUntil < Today, permit.Status == PermitStatus.Expired);
        });
    }

    [Fact]
    public void Generate_ProtectionCases_AreUkrainiansAndGrantedOnesHoldAProtectionPermit()
    {
        var cases = Population.ProtectionCases;

        Assert.NotEmpty(cases);
        Assert.All(cases, @case =>
        {
            Assert.Equal("UKR", Population.FindPerson(@case.DocumentNumber)!.Nationality);
            Assert.InRange(@case.AppliedOn, new DateOnly(2023, 3, 1), Today);
            var permit = Population.FindPermit(@case.DocumentNumber);
            if (@case.State == ProtectionState.Granted)
            {
                Assert.Equal(PermitType.TemporaryProtection, permit?.Type);
                Assert.Equal(permit!.PermitNumber, @case.PermitNumber);
                Assert.True(@case.DecidedOn > @case.AppliedOn);
            }
            else
            {
                Assert.NotEqual(PermitType.TemporaryProtection, permit?.Type);
                Assert.Equal(@case.State == ProtectionState.Pending, @case.DecidedOn is null);
            }
        });
        Assert.Contains(cases, @case => @case.State == ProtectionState.Pending);
        Assert.Contains(cases, @case => @case.State == ProtectionState.Rejected);
    }

    [Fact]
    public void Generate_BorderCrossings_AlternateFromAnEntryAtKnownPointsBeforeTheReferenceDate()
    {
        var end = new DateTimeOffset(Today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        Assert.All(Population.Persons.Take(2_000), person =>
        {
            var crossings = Population.CrossingsOf(person.DocumentNumber);
            Assert.NotEmpty(crossings);
            Assert.Equal(CrossingDirection.Entry, crossings[0].Direction);
            for (var i = 0; i < crossings.Count; i++)
            {
                Assert.Contains(crossings[i].CrossingPoint, CrossingPoints);
                Assert.True(crossings[i].CrossedAt < end);
                if (i > 0)
                {
                    Assert.True(crossings[i].CrossedAt > crossings[i - 1].CrossedAt);
                    Assert.NotEqual(crossings[i - 1].Direction, crossings[i].Direction);
                }
            }
        });
    }

    [Fact]
    public void Generate_PersonsWithAnActivePermit_LastCrossedIntoMoldova()
    {
        var residents = Population.ResidencePermits.Where(permit => permit.Status == PermitStatus.Active);

        Assert.All(residents, permit =>
            Assert.Equal(CrossingDirection.Entry, Population.CrossingsOf(permit.DocumentNumber)[^1].Direction));
    }

    [Fact]
    public void Generate_Alerts_CoverAboutTwoPercentOfPersonsWithEveryType()
    {
        var alerted = Population.Alerts.Select(alert => alert.DocumentNumber).Distinct(StringComparer.Ordinal).Count();

        Assert.InRange(alerted / (double)Population.Persons.Count, 0.01, 0.03);
        Assert.Equal(Enum.GetValues<AlertType>().Skip(1), Population.Alerts.Select(a => a.Type).Distinct().Order());
        Assert.All(Population.Alerts, alert =>
        {
            Assert.True(alert.IssuedOn <= Today);
            Assert.True(alert.ValidUntil is null || alert.ValidUntil > Today);
            Assert.False(string.IsNullOrEmpty(alert.IssuingAuthority));
            Assert.False(string.IsNullOrEmpty(alert.Reference));
        });
    }

    [Fact]
    public void Generate_PersonWithTwoAlerts_HasAlertsOfDifferentTypes()
    {
        var repeated = Population.Alerts
            .GroupBy(alert => (alert.DocumentNumber, alert.Type))
            .Where(group => group.Count() > 1);

        Assert.Empty(repeated);
        Assert.Contains(Population.Alerts.GroupBy(alert => alert.DocumentNumber), group => group.Count() == 2);
    }

    [Fact]
    public void Generate_StudyVisaApplicants_AreUnderThirtySix()
    {
        var studies = Population.VisaApplications.Where(application => application.Purpose == VisaPurpose.Study);

        Assert.All(studies, application =>
        {
            var applicant = Population.FindPerson(application.DocumentNumber)!;
            Assert.True(applicant.DateOfBirth.AddYears(36) > application.SubmittedOn);
        });
    }

    [Fact]
    public void Generate_VisaApplications_BelongToVisaNationalsAndOnlyApprovedOnesCarryAVisa()
    {
        var applications = Population.VisaApplications;

        Assert.NotEmpty(applications);
        Assert.All(applications, application =>
        {
            Assert.Contains(Population.FindPerson(application.DocumentNumber)!.Nationality, VisaNationalities);
            Assert.Equal(application.Status == VisaApplicationStatus.Approved, application.Visa is not null);
            Assert.True(application.SubmittedOn <= Today);
            Assert.True(application.DecidedOn is null || application.DecidedOn >= application.SubmittedOn);
        });
        Assert.Equal(
            Enum.GetValues<VisaApplicationStatus>().Skip(1),
            applications.Select(application => application.Status).Distinct().Order());
    }
}
