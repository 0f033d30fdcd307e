using System.Globalization;
using ExchangeGateway.Core.Identifiers;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Core.Subjects;
using ExchangeGateway.Host.Audit.V1;
using ExchangeGateway.Host.Configuration;
using ExchangeGateway.Host.Consumer;
using ExchangeGateway.Host.Faults;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace ExchangeGateway.Host.Audit;

/// <summary>
/// <c>Search</c>: turns a request into a <see cref="RecordFilter"/>, refusing what does not make sense, and pages
/// through the message log in chain order.
/// </summary>
/// <remarks>
/// The page token is the sequence of the last record on the page, as decimal text. Callers treat it as opaque;
/// it is not bound to the filters, so a changed filter with an old token simply starts after that record.
/// </remarks>
internal sealed class AuditSearch(GatewayOptions options, AuditFaults faults)
{
    /// <summary>Records per page when the request names no size.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>The most records per page; larger sizes are lowered to it.</summary>
    public const int MaxPageSize = 1000;

    public SearchResponse Search(SearchRequest request)
    {
        var size = request.PageSize switch
        {
            < 0 => throw faults.BadRequest("page_size must not be negative"),
            0 => DefaultPageSize,
            > MaxPageSize => MaxPageSize,
            _ => request.PageSize,
        };

        // One record more than the page tells whether another page follows.
        var filter = Filter(request) with { Limit = size + 1 };
        var found = MessageLogSearch.Search(options.MessageLogPath, filter);
        var response = new SearchResponse();
        response.Records.AddRange(found.Take(size).Select(AuditRecords.Summary));
        if (found.Count > size)
        {
            response.NextPageToken = found[size - 1].Logged.Sequence.ToString(CultureInfo.InvariantCulture);
        }

        return response;
    }

    private RecordFilter Filter(SearchRequest request)
    {
        var filter = new RecordFilter
        {
            From = Time("from", request.From),
            To = Time("to", request.To),
            Client = Text("client", request.Client),
            Service = Text("service", request.Service),
            Method = Text("method", request.Method),
            MessageId = Text("message_id", request.MessageId, IdentifierPart.MaxLength),
            UserId = Text("user_id", request.UserId),
            Issue = Text("issue", request.Issue),
            SubjectHash = request.Subject.Length == 0 ? null : SubjectHash(request.Subject),
            AfterSequence = After(request.PageToken),
        };
        if (filter.From >= filter.To)
        {
            throw faults.BadRequest("the time range is empty: 'to' must be later than 'from'");
        }

        return filter;
    }

    private DateTimeOffset? Time(string field, Timestamp? time)
    {
        if (time is null)
        {
            return null;
        }

        try
        {
            return time.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            throw faults.BadRequest($"{field} is not a valid time (seconds or nanos out of range)");
        }
    }

    /// <summary>A text filter, or null for none; one longer than any value a logged call can carry could match
    /// nothing, and is refused rather than answered with no records.</summary>
    private string? Text(string field, string value, int max = ClientAdmission.MaxFieldLength) => value.Length switch
    {
        0 => null,
        _ when value.Length > max => throw faults.BadRequest(
            $"{field} is {value.Length} characters long; no logged call has one longer than {max}"),
        _ => value,
    };

    private byte[] SubjectHash(string subject)
    {
        if (SubjectKey.Check(subject) is { } problem)
        {
            throw faults.BadRequest($"subject {problem}");
        }

        if (options.SubjectKey is null)
        {
            throw faults.Raise(StatusCode.FailedPrecondition, Reasons.BadRequest,
                "this gateway keeps no subject key, so it cannot search by subject");
        }

        return options.SubjectKey.Hash(subject);
    }

    private long After(string token)
    {
        if (token.Length == 0)
        {
            return 0;
        }

        if (long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return sequence;
        }

        throw faults.BadRequest("page_token is not one this gateway gave");
    }
}
