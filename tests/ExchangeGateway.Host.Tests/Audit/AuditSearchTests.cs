using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Host.Audit.V1;
using ExchangeGateway.Host.Tests.Support;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using AuditClient = ExchangeGateway.Host.Audit.V1.Audit.AuditClient;

namespace ExchangeGateway.Host.Tests.Audit;

public sealed class AuditSearchTests(AuditFixture fixture) : IClassFixture<AuditFixture>
{
    private TestFederation Federation => fixture.Federation;

    [Theory]
    [InlineData("client", TestFederation.Stranger)]
    [InlineData("client", TestFederation.Caller)]
    [InlineData("service", TestFederation.EchoService)]
    [InlineData("method", "Shout")]
    [InlineData("method", "Say")]
    [InlineData("message_id", "audit-1")]
    [InlineData("user_id", "user-1")]
    [InlineData("issue", "case-1")]
    public async Task SearchByOneFilter_FindsExactlyTheMatchingRecords(string field, string value)
    {
        foreach (var node in new[] { Federation.Consumer, Federation.Provider })
        {
            var expected = All(node).Where(r => Field(r.Record, field) == value).Select(r => r.Sequence).ToList();
            var found = await SearchAllAsync(node, ForField(field, value));

            Assert.Equal(expected, found.Select(r => r.Sequence));
            Assert.All(found, r => Assert.Equal(value, Field(r, field)));
        }

        Assert.NotEmpty(await SearchAllAsync(Federation.Consumer, ForField(field, value)));
        Assert.Empty(await SearchAllAsync(Federation.Consumer, ForField(field, "no-such-" + field)));
    }

    [Fact]
    public async Task SearchByManyFilters_MatchesThemAll()
    {
        var request = new SearchRequest { UserId = "user-1", Issue = "case-3" };

        var found = await SearchAllAsync(Federation.Consumer, request);

        Assert.NotEmpty(found);
        Assert.All(found, r => Assert.Equal("audit-2", r.MessageId));
    }

    [Fact]
    public async Task SearchByTimeRange_IsHalfOpen_FromIncludedToExcluded()
    {
        var at = fixture.CalledAt;
        var request = new SearchRequest
        {
            From = Timestamp.FromDateTimeOffset(at[1]),
            To = Timestamp.FromDateTimeOffset(at[3]),
        };

        var found = await SearchAllAsync(Federation.Consumer, request);
        var fromOnly = await SearchAllAsync(Federation.Consumer,
            new SearchRequest { From = Timestamp.FromDateTimeOffset(at[4]) });
        var toOnly = await SearchAllAsync(Federation.Consumer,
            new SearchRequest { To = Timestamp.FromDateTimeOffset(at[1]) });

        Assert.Equal(["audit-1", "audit-2"], found.Select(r => r.MessageId).Distinct());
        var expected = All(Federation.Consumer).Where(r => r.Record.LoggedAt >= at[1] && r.Record.LoggedAt < at[3]);
        Assert.Equal(expected.Select(r => r.Sequence), found.Select(r => r.Sequence));
        Assert.Equal(["audit-4", AuditFixture.OtherMethodId], fromOnly.Select(r => r.MessageId).Distinct());
        Assert.Equal(["audit-0"], toOnly.Select(r => r.MessageId).Distinct());
    }

    [Fact]
    public async Task SearchBySubject_FindsExactlyTheCallsAboutThatPerson_OnEachGateway()
    {
        foreach (var node in new[] { Federation.Consumer, Federation.Provider })
        {
            var person1 = await SearchAllAsync(node, new SearchRequest { Subject = " person-1 " });
            var person3 = await SearchAllAsync(node, new SearchRequest { Subject = "PERSON-3" });
            var nobody = await SearchAllAsync(node, new SearchRequest { Subject = "PERSON-404" });

            Assert.Equal(["audit-0", "audit-2"], person1.Select(r => r.MessageId).Distinct());
            Assert.Equal(["audit-4"], person3.Select(r => r.MessageId).Distinct());
            Assert.Empty(nobody);
        }
    }

    [Fact]
    public async Task Paging_ReturnsEveryRecordOnce_InChainOrder()
    {
        var client = Client(Federation.Consumer);
        var request = new SearchRequest { PageSize = 3 };
        var pages = new List<SearchResponse>();
        do
        {
            pages.Add(await client.SearchAsync(request, Auditor()).ResponseAsync.WaitAsync(Errors.Timeout));
            request.PageToken = pages[^1].NextPageToken;
        }
        while (request.PageToken.Length > 0 && pages.Count < 100);

        var all = All(Federation.Consumer).Select(r => r.Sequence).ToList();
        Assert.True(all.Count > 6, $"the fixture should log more than two pages, logged {all.Count}");
        Assert.Equal(all, pages.SelectMany(p => p.Records).Select(r => r.Sequence));
        Assert.All(pages[..^1], p => Assert.Equal(3, p.Records.Count));
        Assert.Equal((all.Count + 2) / 3, pages.Count);
    }

    [Fact]
    public async Task SearchResults_CarryTheRecordsFields_WithoutPayload()
    {
        var logged = All(Federation.Consumer).ToDictionary(r => r.Sequence);

        var found = await SearchAllAsync(Federation.Consumer, new SearchRequest());

        Assert.Equal(logged.Count, found.Count);
        foreach (var r in found)
        {
            var expected = logged[r.Sequence];
            Assert.Equal(expected.Hash, r.RecordHash.ToByteArray());
            Assert.Equal(expected.Record.PayloadDigest, r.PayloadDigest.ToByteArray());
            Assert.Equal(expected.Record.Outcome, r.Outcome);
            Assert.Equal(expected.Record.LoggedAt, r.LoggedAt.ToDateTimeOffset());
            Assert.Equal(expected.Record.Signature is not null, r.Signed);
            Assert.Equal(Federation.Consumer.MessageLog.StampOf(r.Sequence) is not null, r.TimeStamped);
        }

        Assert.Contains(found, r => r.Signed);
        Assert.Contains(found, r => !r.Signed);
    }

    [Theory]
    [InlineData("page_token")]
    [InlineData("page_size")]
    [InlineData("empty range")]
    [InlineData("bad time")]
    [InlineData("long subject")]
    [InlineData("long message id")]
    [InlineData("long issue")]
    public async Task BadSearch_IsInvalidArgument_BadRequest(string what)
    {
        var now = Timestamp.FromDateTimeOffset(fixture.CalledAt[0]);
        var request = what switch
        {
            "page_token" => new SearchRequest { PageToken = "not-a-token" },
            "page_size" => new SearchRequest { PageSize = -1 },
            "empty range" => new SearchRequest { From = now, To = now },
            "bad time" => new SearchRequest { From = new Timestamp { Seconds = 1, Nanos = -5 } },
            "long message id" => new SearchRequest { MessageId = new string('m', 256) },
            "long issue" => new SearchRequest { Issue = new string('i', 1025) },
            _ => new SearchRequest { Subject = new string('x', 300) },
        };

        var ex = await Assert.ThrowsAsync<RpcException>(() => Client(Federation.Consumer)
            .SearchAsync(request, Auditor()).ResponseAsync.WaitAsync(Errors.Timeout));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("BAD_REQUEST", Errors.Reason(ex));
    }

    private static List<LoggedRecord> All(GatewayNode node) =>
        SqliteMessageLog.ReadFile(node.Options.MessageLogPath).ToList();

    private AuditClient Client(GatewayNode node) => Federation.AuditClient(node);

    private Metadata Auditor() => AuditCallers.Bearer(fixture.Callers.Auditor);

    private static SearchRequest ForField(string field, string value)
    {
        var request = new SearchRequest();
        SearchRequest.Descriptor.FindFieldByName(field).Accessor.SetValue(request, value);
        return request;
    }

    private async Task<List<LogRecord>> SearchAllAsync(GatewayNode node, SearchRequest request)
    {
        var client = Client(node);
        var found = new List<LogRecord>();
        request = request.Clone();
        for (var page = 0; page < 100; page++)
        {
            var response = await client.SearchAsync(request, Auditor()).ResponseAsync.WaitAsync(Errors.Timeout);
            found.AddRange(response.Records);
            if (response.NextPageToken.Length == 0)
            {
                return found;
            }

            request.PageToken = response.NextPageToken;
        }

        throw new InvalidOperationException("more than 100 pages");
    }

    private static string Field(MessageRecord r, string field) => field switch
    {
        "client" => r.Client,
        "service" => r.Service,
        "method" => r.Method,
        "message_id" => r.MessageId,
        "user_id" => r.UserId,
        _ => r.Issue,
    };

    private static string Field(LogRecord r, string field) => field switch
    {
        "client" => r.Client,
        "service" => r.Service,
        "method" => r.Method,
        "message_id" => r.MessageId,
        "user_id" => r.UserId,
        _ => r.Issue,
    };
}
