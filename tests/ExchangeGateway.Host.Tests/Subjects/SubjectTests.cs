using System.Text;
using ExchangeGateway.Core.Subjects;
using ExchangeGateway.Host.Tests.Support;
using ExchangeGateway.Testing.V1;
using Google.Protobuf;
using Grpc.Core;

namespace ExchangeGateway.Host.Tests.Subjects;

public sealed class SubjectTests
{
    [Fact]
    public async Task SubjectReport_FindsExactlyTheCallsAboutThatPerson_OnBothGateways()
    {
        await using var federation = await TestFederation.StartAsync();
        var echo = federation.Echo();
        await CallAsync(echo, "MDA-2001234567890", "case-1");
        await CallAsync(echo, "MDA-2001234567890", "case-2", TestFederation.Stranger);
        await CallAsync(echo, "UKR-FA1234567", "case-3");
        await CallAsync(echo, null, "case-4");

        var consumer = Report(federation.Consumer, "mda-2001234567890 ");
        var provider = Report(federation.Provider, "MDA-2001234567890");

        Assert.Equal(["case-1", "case-2"], consumer.Select(a => a.Issue));
        Assert.Equal(["OK", "PERMISSION_DENIED ACCESS_DENIED"], consumer.Select(a => a.Outcome));
        Assert.Equal(["case-1", "case-2"], provider.Select(a => a.Issue));
        Assert.Equal("EE38001085718", consumer[0].UserId);
        Assert.Single(Report(federation.Consumer, "UKR-FA1234567"));
        Assert.Empty(Report(federation.Consumer, "NOBODY"));
    }

    [Fact]
    public async Task SubjectIdentifier_AppearsNowhereInTheDatabases_WhenBodyLoggingIsOff()
    {
        await using var federation = await TestFederation.StartAsync(bodyLogging: false);
        const string Identifier = "SECRET-PERSON-4711";
        await CallAsync(federation.Echo(), Identifier, "case-9", TestFederation.Stranger);
        await CallAsync(federation.Echo(), Identifier, "case-9");

        foreach (var node in new[] { federation.Consumer, federation.Provider })
        {
            await node.DisposeAsync();
        }

        foreach (var file in Directory.GetFiles(federation.Directory, "messagelog.db*", SearchOption.AllDirectories))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.DoesNotContain(Identifier, Encoding.UTF8.GetString(bytes), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Identifier, Encoding.Unicode.GetString(bytes), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task OverlongSubject_IsRefusedBadRequest()
    {
        await using var federation = await TestFederation.StartAsync();
        var headers = TestFederation.Headers();
        headers.Add("xroad-subject", new string('x', 300));

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            federation.Echo().SayAsync(new EchoRequest(), headers).ResponseAsync.WaitAsync(Errors.Timeout));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("BAD_REQUEST", Errors.Reason(ex));
    }

    private static IReadOnlyList<SubjectAccess> Report(GatewayNode node, string subject) =>
        SubjectReport.Find(node.Options.MessageLogPath, node.Options.SubjectKey!, subject);

    private static async Task CallAsync(
        Echo.EchoClient echo, string? subject, string issue, string client = TestFederation.Caller)
    {
        var headers = TestFederation.Headers(client: client);
        headers.Add("xroad-issue", issue);
        headers.Add("xroad-user-id", "EE38001085718");
        if (subject is not null)
        {
            headers.Add("xroad-subject", subject);
        }

        try
        {
            await echo.SayAsync(new EchoRequest { Payload = ByteString.CopyFromUtf8("q") }, headers)
                .ResponseAsync.WaitAsync(Errors.Timeout);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.PermissionDenied)
        {
            // The stranger has no grant: a refused call about the person is still a call about the person.
        }
    }
}
