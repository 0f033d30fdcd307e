using ExchangeGateway.Host.Tests.Support;
using ExchangeGateway.Testing.V1;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Time.Testing;

namespace ExchangeGateway.Host.Tests.Audit;

/// <summary>
/// A federation with audit endpoints and time-stamping, on a fake clock that moves one minute between calls, and
/// a few calls with distinct message ids, users, issues and subjects.
/// </summary>
public sealed class AuditFixture : IAsyncLifetime
{
    /// <summary>Each call: message id, client, user, issue, subject (null for none).</summary>
    public static readonly (string Id, string Client, string User, string Issue, string? Subject)[] Calls =
    [
        ("audit-0", TestFederation.Caller, "user-1", "case-1", "PERSON-1"),
        ("audit-1", TestFederation.Caller, "user-2", "case-2", "PERSON-2"),
        ("audit-2", TestFederation.Stranger, "user-1", "case-3", "PERSON-1"),
        ("audit-3", TestFederation.Caller, "user-3", "case-1", null),
        ("audit-4", TestFederation.Caller, "user-2", "case-4", "PERSON-3"),
    ];

    public RecordingLoggers Logs { get; } = new();

    public AuditCallers Callers { get; } = new();

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public TestFederation Federation { get; private set; } = null!;

    /// <summary>When each call of <see cref="Calls"/> was made (the fake clock stands still during a call).</summary>
    public List<DateTimeOffset> CalledAt { get; } = [];

    public async Task InitializeAsync()
    {
        Federation = await TestFederation.StartAsync(
            Time, Logs.Factory(), timestamping: true, audit: Callers.Options);
        var echo = Federation.Echo();
        foreach (var (id, client, user, issue, subject) in Calls)
        {
            Time.Advance(TimeSpan.FromMinutes(1));
            CalledAt.Add(Core.Envelopes.Envelope.Truncate(Time.GetUtcNow()));
            var headers = TestFederation.Headers(client: client);
            headers.Add("xroad-message-id", id);
            headers.Add("xroad-user-id", user);
            headers.Add("xroad-issue", issue);
            if (subject is not null)
            {
                headers.Add("xroad-subject", subject);
            }

            try
            {
                await echo.SayAsync(new EchoRequest { Payload = ByteString.CopyFromUtf8(id) }, headers)
                    .ResponseAsync.WaitAsync(Errors.Timeout);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.PermissionDenied)
            {
                // The stranger has no grant: its refused call is logged like any other.
            }
        }

        Time.Advance(TimeSpan.FromMinutes(1));
        await CallOtherMethodAsync();
    }

    private async Task CallOtherMethodAsync()
    {
        var marshaller = Marshallers.Create(
            (EchoRequest r) => r.ToByteArray(), bytes => EchoRequest.Parser.ParseFrom(bytes));
        var method = new Method<EchoRequest, EchoRequest>(
            MethodType.Unary, "testing.v1.Echo", "Shout", marshaller, marshaller);
        var headers = TestFederation.Headers();
        headers.Add("xroad-message-id", OtherMethodId);
        var invoker = Federation.ClientChannel().CreateCallInvoker();
        var ex = await Assert.ThrowsAsync<RpcException>(() => invoker
            .AsyncUnaryCall(method, null, new CallOptions(headers), new EchoRequest()).ResponseAsync
            .WaitAsync(Errors.Timeout));
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }

    /// <summary>A call of a method the grant does not cover, so that one record has another method name.</summary>
    public const string OtherMethodId = "audit-5";

    public async Task DisposeAsync() => await Federation.DisposeAsync();
}
