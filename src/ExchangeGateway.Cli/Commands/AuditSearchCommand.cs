using System.CommandLine;
using System.Globalization;
using ExchangeGateway.Host.Audit.V1;
using Google.Protobuf.WellKnownTypes;

namespace ExchangeGateway.Cli.Commands;

/// <summary><c>exgw audit search</c>: one line per message log record that matches every filter given.</summary>
internal static class AuditSearchCommand
{
    private static readonly string[] TextFilters = ["client", "service", "method", "message-id", "user-id", "issue"];

    public static Command Create()
    {
        var connection = new AuditConnection();
        var from = new Option<DateTimeOffset?>("--from") { Description = "Logged at or after (ISO 8601)" };
        var to = new Option<DateTimeOffset?>("--to") { Description = "Logged before (ISO 8601)" };
        var text = TextFilters
            .Select(f => new Option<string>($"--{f}") { Description = $"The {f.Replace('-', ' ')}, as logged" })
            .ToArray();
        var subject = new Option<string>("--subject")
        {
            Description = "The person the calls were about (the gateway matches its keyed hash)",
        };
        var max = new Option<int>("--max")
        {
            Description = "Stop after this many records",
            DefaultValueFactory = _ => 10_000,
        };
        var command = new Command("search", "Search a gateway's message log through its audit API")
        {
            from, to, subject, max,
        };
        foreach (var option in text)
        {
            command.Options.Add(option);
        }

        connection.AddTo(command);
        command.SetAction((parse, cancel) => connection.RunAsync(parse, async (client, headers) =>
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
            return await PrintAsync(client, headers, request, parse.GetValue(max), cancel).ConfigureAwait(false);
        }));
        return command;
    }

    private static async Task<int> PrintAsync(
        Audit.AuditClient client, Grpc.Core.Metadata headers, SearchRequest request, int max,
        CancellationToken cancel)
    {
        var printed = 0;
        request.PageSize = Math.Clamp(max, 1, 1000);
        do
        {
            var page = await client.SearchAsync(request, headers, DateTime.UtcNow.AddMinutes(1), cancel)
                .ConfigureAwait(false);
            foreach (var record in page.Records.Take(max - printed))
            {
                Console.Out.WriteLine(Line(record));
                printed++;
            }

            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0 && printed < max);

        var more = request.PageToken.Length > 0 ? $" (more follow; raise --max)" : "";
        Console.Out.WriteLine($"{printed} record(s){more}.");
        return 0;
    }

    private static string Line(LogRecord r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Sequence} {r.LoggedAt.ToDateTimeOffset():yyyy-MM-ddTHH:mm:ss.ffffffZ} {Name(r.Side)} " +
        $"{Name(r.Direction)} {r.MessageId} {r.Client} -> {r.Service} {r.Method}; user {r.UserId}; " +
        $"issue {r.Issue}; {r.Outcome}; {(r.Signed ? "signed" : "unsigned")}, " +
        $"{(r.TimeStamped ? "time-stamped" : "not time-stamped")}");

    private static string Name(Side side) => side == Side.Consumer ? "consumer" : "provider";

    private static string Name(Direction direction) => direction == Direction.Request ? "request" : "response";
}
