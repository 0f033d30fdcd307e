using ExchangeGateway.Registries.Data;
using ExchangeGateway.Registries.Hosting;
using ExchangeGateway.Registries.TravelDocuments;

namespace ExchangeGateway.Registries.ForeignAffairs;

/// <summary>Maps visa registry records to the <c>foreignaffairs.v1</c> messages.</summary>
internal static class VisaMessages
{
    public static V1.ListApplicationsResponse Applications(
        Person person, IReadOnlyList<VisaApplicationRecord> applications)
    {
        var response = new V1.ListApplicationsResponse
        {
            DocumentNumber = person.DocumentNumber,
            Nationality = person.Nationality,
            Surname = person.Surname,
            GivenNames = person.GivenNames,
        };
        response.Applications.AddRange(applications.Select(application => Application(person, application)));
        return response;
    }

    public static V1.VisaApplication Application(Person person, VisaApplicationRecord application)
    {
        var message = new V1.VisaApplication
        {
            ApplicationNumber = application.ApplicationNumber,
            DocumentNumber = person.DocumentNumber,
            Nationality = person.Nationality,
            Surname = person.Surname,
            GivenNames = person.GivenNames,
            Sex = person.Sex switch
            {
                Sex.Female => V1.Sex.Female,
                Sex.Male => V1.Sex.Male,
                _ => V1.Sex.Unspecified,
            },
            DateOfBirth = IsoDates.Format(person.DateOfBirth),
            VisaType = VisaTypeOf(application.Type),
            Purpose = PurposeOf(application.Purpose),
            Status = StatusOf(application.Status),
            Consulate = application.Consulate,
            SubmittedOn = IsoDates.Format(application.SubmittedOn),
            DecidedOn = IsoDates.Format(application.DecidedOn),
        };

        if (application.Visa is { } visa)
        {
            message.VisaNumber = visa.VisaNumber;
            message.ValidFrom = IsoDates.Format(visa.ValidFrom);
            message.ValidUntil = IsoDates.Format(visa.ValidUntil);
            message.Entries = visa.Entries switch
            {
                VisaEntries.SingleEntry => V1.Entries.Single,
                VisaEntries.MultipleEntry => V1.Entries.Multiple,
                _ => V1.Entries.Unspecified,
            };
            message.DurationOfStayDays = visa.DurationOfStayDays;
        }

        return message;
    }

    private static V1.VisaType VisaTypeOf(VisaType type) => type switch
    {
        VisaType.AirportTransit => V1.VisaType.AirportTransit,
        VisaType.ShortStay => V1.VisaType.ShortStay,
        VisaType.LongStay => V1.VisaType.LongStay,
        _ => V1.VisaType.Unspecified,
    };

    private static V1.VisaPurpose PurposeOf(VisaPurpose purpose) => purpose switch
    {
        VisaPurpose.Tourism => V1.VisaPurpose.Tourism,
        VisaPurpose.Business => V1.VisaPurpose.Business,
        VisaPurpose.Family => V1.VisaPurpose.Family,
        VisaPurpose.Study => V1.VisaPurpose.Study,
        VisaPurpose.Work => V1.VisaPurpose.Work,
        VisaPurpose.Medical => V1.VisaPurpose.Medical,
        VisaPurpose.Transit => V1.VisaPurpose.Transit,
        _ => V1.VisaPurpose.Unspecified,
    };

    private static V1.ApplicationStatus StatusOf(VisaApplicationStatus status) => status switch
    {
        VisaApplicationStatus.Submitted => V1.ApplicationStatus.Submitted,
        VisaApplicationStatus.UnderReview => V1.ApplicationStatus.UnderReview,
        VisaApplicationStatus.Approved => V1.ApplicationStatus.Approved,
        VisaApplicationStatus.Refused => V1.ApplicationStatus.Refused,
        VisaApplicationStatus.Withdrawn => V1.ApplicationStatus.Withdrawn,
        _ => V1.ApplicationStatus.Unspecified,
    };
}
