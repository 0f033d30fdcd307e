using ExchangeGateway.Registries.Data;

namespace ExchangeGateway.Registries.Hosting;

/// <summary>A validated query for the records of a travel document: its number and an optional nationality.</summary>
/// <param name="DocumentNumber">Upper-case letters and digits.</param>
/// <param name="Nationality">Upper-case ISO 3166-1 alpha-3 code, or null to match any.</param>
internal sealed record DocumentQuery(string DocumentNumber, string? Nationality)
{
    /// <summary>
    /// Longer than the 9 characters of the TD3 number field: ICAO 9303 lets longer numbers overflow into the
    /// optional data, so a longer number is a query that finds nothing here, not a malformed one.
    /// </summary>
    public const int MaxDocumentNumberLength = 20;

    /// <summary>Validates the fields of a request; lower case is accepted and upper-cased.</summary>
    /// <exception cref="Grpc.Core.RpcException">INVALID_ARGUMENT, naming the field at fault.</exception>
    public static DocumentQuery Parse(string documentNumber, string nationality)
    {
        if (documentNumber.Length == 0)
        {
            throw RegistryErrors.InvalidArgument("document_number is required.");
        }

        if (documentNumber.Length > MaxDocumentNumberLength)
        {
            throw RegistryErrors.InvalidArgument(
                $"document_number has {documentNumber.Length} characters; at most {MaxDocumentNumberLength} "
                + "are allowed.");
        }

        if (!documentNumber.All(char.IsAsciiLetterOrDigit))
        {
            throw RegistryErrors.InvalidArgument("document_number may hold only the letters A-Z and the digits 0-9.");
        }

        if (nationality.Length != 0 && (nationality.Length != 3 || !nationality.All(char.IsAsciiLetter)))
        {
            throw RegistryErrors.InvalidArgument(
                "nationality must be empty or an ISO 3166-1 alpha-3 code of three letters.");
        }

        return new DocumentQuery(
            documentNumber.ToUpperInvariant(), nationality.Length == 0 ? null : nationality.ToUpperInvariant());
    }

    public bool Matches(Person person) => Nationality is null || Nationality == person.Nationality;

    public override string ToString() =>
        Nationality is null ? DocumentNumber : $"{DocumentNumber} of nationality {Nationality}";
}
