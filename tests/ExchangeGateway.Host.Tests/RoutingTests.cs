using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Host.Tests.Support;
using ExchangeGateway.Testing.V1;
using Google.Protobuf;
using Grpc.Core;

namespace ExchangeGateway.Host.Tests;

public sealed class RoutingTests(FederationFixture fixture) : IClassFixture<FederationFixture>
{
    private TestFederation Federation => fixture.Federation;

    [Fact]
    public async Task AllowedCall_ReachesRegistry_AndAnswersWithItsReplyAndEvidenceHeaders()
    {
        var headers = TestFederation.Headers();
        headers.Add("xroad-message-id", "allowed-" + Guid.NewGuid().ToString("N"));
        headers.Add("xroad-user-id", "EE38001085718");
        headers.Add("xroad-issue", "case-2026-117");
        headers.Add("x-trace", "abc");
        using var call = Federation.Echo().SayAsync(
            new EchoRequest { Payload = ByteString.CopyFromUtf8("hello") }, headers, DateTime.UtcNow.AddSeconds(30));

        var reply = await call.ResponseAsync.WaitAsync(Errors.Timeout);
        var responseHeaders = await call.ResponseHeadersAsync;

        Assert.Equal("hello", reply.Payload.ToStringUtf8());
        Assert.Contains("x-trace=abc", reply.SeenMetadata);
        Assert.Contains($"xroad-client={TestFederation.Caller}", reply.SeenMetadata);
        Assert.Contains("xroad-issue=case-2026-117", reply.SeenMetadata);
        Assert.Equal("echo", responseHeaders.GetValue("registry-name"));
        Assert.Equal(headers.GetValue("xroad-message-id"), responseHeaders.GetValue("xroad-message-id"));
        Assert.Equal(64, responseHeaders.GetValue("xroad-request-hash")!.Length);
        Assert.Equal("ok", call.GetTrailers().GetValue("echo-trailer"));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task AllowedCall_IsLoggedSignedOnBothGateways()
    {
        var id = "logged-" + Guid.NewGuid().ToString("N");
        var headers = TestFederation.Headers();
        headers.Add("xroad-message-id", id);

        await Federation.Echo().SayAsync(new EchoRequest { Payload = ByteString.CopyFromUtf8("x") }, headers)
            .ResponseAsync.WaitAsync(Errors.Timeout);

        var consumer = Federation.Consumer.MessageLog.Read().Where(r => r.Record.MessageId == id).ToList();
        var provider = Federation.Provider.MessageLog.Read().Where(r => r.Record.MessageId == id).ToList();
        Assert.Equal(2, consumer.Count);
        Assert.Equal(2, provider.Count);
        Assert.All(consumer.Concat(provider), r => Assert.NotNull(r.Record.Signature));
        Assert.All(consumer.Concat(provider), r => Assert.Equal("OK", r.Record.Outcome));

        // Body logging is on for alpha's "caller" subsystem and off for beta's "registry".
        Assert.All(consumer, r => Assert.NotNull(r.Record.Payload));
        Assert.All(provider, r => Assert.Null(r.Record.Payload));
    }

    [Fact]
    public async Task RegistryError_PassesThroughWithStatusDetailAndTrailers()
    {
        var request = new EchoRequest { FailWith = (int)StatusCode.NotFound, FailDetail = "no such person: Ș-42" };

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            Federation.Echo().SayAsync(request, TestFederation.Headers()).ResponseAsync.WaitAsync(Errors.Timeout));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal("no such person: Ș-42", ex.Status.Detail);
        Assert.Equal("failed-on-purpose", ex.Trailers.GetValue("echo-trailer"));
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, ex.Trailers.GetValueBytes("echo-detail-bin"));
        Assert.Null(Errors.Reason(ex));
    }

    [Fact]
    public async Task DeadlineExpiringAtRegistry_EndsInDeadlineExceeded()
    {
        var request = new EchoRequest { DelayMs = 10_000 };

        var ex = await Assert.ThrowsAsync<RpcException>(() => Federation.Echo()
            .SayAsync(request, TestFederation.Headers(), DateTime.UtcNow.AddMilliseconds(500))
            .ResponseAsync.WaitAsync(Errors.Timeout));

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
    }

    [Fact]
    public async Task FourMebibytePayload_ArrivesIntact()
    {
        var payload = new byte[4 * 1024 * 1024];
        new Random(7).NextBytes(payload);

        var reply = await Federation.Echo()
            .SayAsync(new EchoRequest { Payload = ByteString.CopyFrom(payload) }, TestFederation.Headers())
            .ResponseAsync.WaitAsync(Errors.Timeout);

        Assert.True(reply.Payload.Span.SequenceEqual(payload));
    }

    [Fact]
    public async Task FiftyConcurrentCalls_LeaveOneUnbrokenChainOnEachGateway()
    {
        var client = Federation.Echo();
        var calls = Enumerable.Range(0, 50).Select(i => client.SayAsync(
            new EchoRequest { Payload = ByteString.CopyFromUtf8($"call {i}") }, TestFederation.Headers())
            .ResponseAsync);

        var replies = await Task.WhenAll(calls).WaitAsync(Errors.Timeout);

        Assert.Equal(50, replies.Select(r => r.Payload.ToStringUtf8()).Distinct().Count());
        foreach (var node in new[] { Federation.Consumer, Federation.Provider })
        {
            var records = node.MessageLog.Read().ToList();
            var verification = MessageLogVerifier.Verify(records, node.Federation.Current!);
            Assert.True(verification.IsValid, verification.Failure?.ToString());
            Assert.True(verification.Records >= 100);
            Assert.Equal(Enumerable.Range(1, records.Count).Select(i => (long)i), records.Select(r => r.Sequence));
        }
    }
}
