using System.Globalization;
using System.Text;
using ExchangeGateway.Host.Audit.V1;

namespace ExchangeGateway.Host.Audit;

/// <summary>
/// What an audit call asked for, in a line for the diagnostic log. A subject is only said to be given: the
/// identifier never reaches a log.
/// </summary>
internal static class AuditRequests
{
    // Values come from the caller; a line stays readable however long they are.
    private const int MaxLength = 400;

    public static string Describe(object request)
    {
        var text = request switch
        {
            SearchRequest search => Search(search),
            GetEvidenceRequest evidence => $"message id '{evidence.MessageId}'",
            GetArchiveRequest archive => $"archive '{archive.Name}'",
            _ => "-",
        };
        return text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength), "...");
    }

    private static string Search(SearchRequest request)
    {
        var text = new StringBuilder();
        Add(text, "from", Time(request.From));
        Add(text, "to", Time(request.To));
        Add(text, "client", request.Client);
        Add(text, "service", request.Service);
        Add(text, "method", request.Method);
        Add(text, "message id", request.MessageId);
        Add(text, "user id", request.UserId);
        Add(text, "issue", request.Issue);
        Add(text, "subject", request.Subject.Length == 0 ? null : "(given, not logged)");
        Add(text, "page size", request.PageSize == 0 ? null : request.PageSize.ToString(CultureInfo.InvariantCulture));
        Add(text, "page token", request.PageToken);
        return text.Length == 0 ? "every record" : text.ToString();
    }

    private static string? Time(Google.Protobuf.WellKnownTypes.Timestamp? time)
    {
        try
        {
            return time?.ToDateTimeOffset().ToString("O", CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "(not a valid time)";
        }
    }

    private static void Add(StringBuilder text, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        text.Append(text.Length == 0 ? "" : ", ").Append(name).Append(" '").Append(value).Append('\'');
    }
}
