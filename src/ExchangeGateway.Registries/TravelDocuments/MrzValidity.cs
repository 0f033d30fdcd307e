namespace ExchangeGateway.Registries.TravelDocuments;

/// <summary>
/// The outcome of validating a TD3 machine-readable zone: valid, or the first check that failed, in the order
/// the fields appear on line 2.
/// </summary>
public enum MrzValidity
{
    /// <summary>Well formed, and every check digit matches.</summary>
    Valid = 0,

    /// <summary>
    /// A line is not 44 characters of A-Z, 0-9 and <c>&lt;</c>, the document code is not a passport code, a date
    /// holds other than digits, or the sex is not F, M or <c>&lt;</c>.
    /// </summary>
    Malformed = 1,

    /// <summary>The check digit of the document number (line 2, position 10) does not match.</summary>
    DocumentNumberCheckFailed = 2,

    /// <summary>The check digit of the date of birth (line 2, position 20) does not match.</summary>
    DateOfBirthCheckFailed = 3,

    /// <summary>The check digit of the date of expiry (line 2, position 28) does not match.</summary>
    DateOfExpiryCheckFailed = 4,

    /// <summary>The check digit of the optional data (line 2, position 43) does not match.</summary>
    OptionalDataCheckFailed = 5,

    /// <summary>The composite check digit (line 2, position 44) does not match.</summary>
    CompositeCheckFailed = 6,
}
