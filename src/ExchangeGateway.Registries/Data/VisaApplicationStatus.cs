namespace ExchangeGateway.Registries.Data;

/// <summary>Where a visa application stands.</summary>
public enum VisaApplicationStatus
{
    /// <summary>Not set.</summary>
    Unspecified = 0,

    /// <summary>Lodged, not yet examined.</summary>
    Submitted = 1,

    /// <summary>Being examined.</summary>
    UnderReview = 2,

    /// <summary>Visa issued.</summary>
    Approved = 3,

    /// <summary>Visa refused.</summary>
    Refused = 4,

    /// <summary>Withdrawn by the applicant.</summary>
    Withdrawn = 5,
}
