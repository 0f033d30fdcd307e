using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ExchangeGateway.Host.Audit.V1;
using Google.Protobuf.WellKnownTypes;

namespace ExchangeGateway.Cli.Commands;

/// <summary><c>exgw audit search</c>: one line per message log record that matches every filter given.</summary>
internal static class AuditSearchCommand
{
    private static readonly string[] TextFilters = ["client", "service", "method", "message-id", "user-id", "issue"];

    /// <summary>The ISO 8601 forms <c>--from</c> and <c>--to</c> take: UTC or an explicit offset, never local time;
    /// a date alone is its start in UTC.</summary>
    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd",
    ];

    /// <summary>The same times of day without a zone, which are refused.</summary>
    private static readonly string[] ZonelessFormats =
        ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    public static Command Create()
    {
        var connection = new AuditConnection();
        var from = TimeOption("--from", "Logged at or after");
        var to = TimeOption("--to", "Logged before");
        var text = TextFilters
            .Select(f => new Option<string>($"--{f}") { Description = $"The {f.Replace('-', ' ')}, as logged" })
            .ToArray();
        var subject = new Option<string>("--subject")
        {
            Description = "The person the calls were about (the gateway matches its keyed hash)",
        };
        var max = CommonOptions.Number("--max", "Stop after this many records", 10_000, 1, int.MaxValue);
        var command = new Command("search", "Search a gateway's message log through its audit API")
        {
            from, to, subject, max,
        };
        foreach (var option in text)
        {
            command.Options.Add(option);
        }

        connection.AddTo(command);
        command.SetAction((parse, cancel) => Problem(parse, from, to, [.. text, subject]) is { } problem
            ? AuditConnection.FailAsync(parse, problem)
            : connection.RunAsync(parse, (client, headers) =>
            {
                var request = new SearchRequest
                {
                    From = parse.GetValue(from) is { } f ? Timestamp.FromDateTimeOffset(f) : null,
                    To = parse.GetValue(to) is { } t ? Timestamp.FromDateTimeOffset(t) : null,
                    Client = parse.GetValue(text[0]) ?? "",
                    Service = parse.GetValue(text[1]) ?? "",
                    Method = parse.GetValue(text[2]) ?? "",
                    MessageId = parse.GetValue(text[3]) ?? "",
                    UserId = parse.GetValue(text[4]) ?? "",
                    Issue = parse.GetValue(text[5]) ?? "",
                    Subject = parse.GetValue(subject) ?? "",
                };
                var output = parse.InvocationConfiguration.Output;
                return PrintAsync(client, headers, request, parse.GetValue(max), output, cancel);
            }));
        return command;
    }

    private static Option<DateTimeOffset?> TimeOption(string name, string what) => new(name)
    {
        Description = $"{what} this time, ISO 8601 in UTC, e.g. 2026-12-04T10:00:00Z (or with an offset, " +
            "e.g. +02:00; a date alone is 00:00 UTC)",
        CustomParser = result => ParseTime(name, result),
    };

    private static DateTimeOffset? ParseTime(string name, ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (DateTimeOffset.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        // A time of day with no zone would be read as some machine's local time: refused, and said why.
        var zoneless = DateTime.TryParseExact(text, ZonelessFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.None, out _);
        result.AddError($"{name} '{text}': expected an ISO 8601 time in UTC, e.g. 2026-12-04T10:00:00Z" +
            (zoneless ? "; this one has no time zone: add Z, or an offset such as +02:00" : ""));
        return null;
    }

    /// <summary>What is wrong with the options, checked before anything is sent; null when nothing is.</summary>
    private static string? Problem(
        ParseResult parse, Option<DateTimeOffset?> from, Option<DateTimeOffset?> to, Option<string>[] text)
    {
        if (parse.GetValue(from) >= parse.GetValue(to))
        {
            return "--from: must be before --to";
        }

        // An empty filter would match any value: leaving the option out says that; giving it empty is a slip.
        var empty = text.FirstOrDefault(o => parse.GetResult(o) is not null && string.IsNullOrWhiteSpace(
            parse.GetValue(o)));
        return empty is null ? null : $"{empty.Name}: must not be empty (leave it out to match any)";
    }

    private static async Task<int> PrintAsync(
        Audit.AuditClient client, Grpc.Core.Metadata headers, SearchRequest request, int max, TextWriter output,
        CancellationToken cancel)
    {
        var printed = 0;
        request.PageSize = Math.Min(max, 1000);
        do
        {
            var page = await client.SearchAsync(request, headers, AuditConnection.Deadline, cancel)
                .ConfigureAwait(false);
            foreach (var record in page.Records.Take(max - printed))
            {
                await output.WriteLineAsync(Line(record)).ConfigureAwait(false);
                printed++;
            }

            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0 && printed < max);

        var more = request.PageToken.Length > 0 ? " (more follow; raise --max)" : "";
        await output.WriteLineAsync($"{printed} record(s){more}.").ConfigureAwait(false);
        return 0;
    }

    private static string Line(LogRecord r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Sequence} {r.LoggedAt.ToDateTimeOffset():yyyy-MM-ddTHH:mm:ss.ffffffZ} {Name(r.Side)} " +
        $"{Name(r.Direction)} {r.MessageId} {r.Client} -> {r.Service} {r.Method}; " +
        $"user {SubjectLines.OrNone(r.UserId)}; issue {SubjectLines.OrNone(r.Issue)}; {r.Outcome}; " +
        $"{(r.Signed ? "signed" : "unsigned")}, " +
        $"{(r.TimeStamped ? "time-stamped" : "not time-stamped")}");

    private static string Name(Side side) => side == Side.Consumer ? "consumer" : "provider";

    private static string Name(Direction direction) => direction == Direction.Request ? "request" : "response";
}
