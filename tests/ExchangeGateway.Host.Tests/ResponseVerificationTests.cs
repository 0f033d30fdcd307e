using ExchangeGateway.Core.Federation;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Host.Exchange.V1;
using ExchangeGateway.Host.Tests.Support;
using ExchangeGateway.Testing.V1;
using Google.Protobuf;
using Grpc.Core;

namespace ExchangeGateway.Host.Tests;

public sealed class ResponseVerificationTests
{
    public static TheoryData<string> Tampers => ["payload", "status", "trailer", "request-hash-binding", "signature"];

    [Theory]
    [MemberData(nameof(Tampers))]
    public async Task ResponseChangedOnTheWay_IsRefusedSignatureInvalid_AndLogged(string what)
    {
        var (ex, logged) = await CallThroughRogueAsync(response => [Tamper(response, what)], endWith: null);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Equal("SIGNATURE_INVALID", Errors.Reason(ex));
        Assert.Equal("UNAUTHENTICATED SIGNATURE_INVALID", logged.Last().Record.Outcome);
        Assert.Null(logged.Last().Record.Signature);
    }

    [Fact]
    public async Task ResponseFollowedByAFailedStatus_IsNotTheAnswer_AndLoggedWithThatStatus()
    {
        // The provider sends its answer while its response record commits; a failed status after it (its log could
        // not make the record durable) means the answer is not one: the client must not get the payload. The
        // consumer has logged the verified response meanwhile; a second record says how the exchange ended.
        var (ex, logged) = await CallThroughRogueAsync(response => [response],
            new Status(StatusCode.Unavailable, "the provider's log could not make the response durable"));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Contains("could not make the response durable", ex.Status.Detail);
        Assert.Equal(3, logged.Count);
        Assert.Equal(("OK", true), (logged[1].Record.Outcome, logged[1].Record.Signature is not null));
        Assert.Equal("UNAVAILABLE", logged.Last().Record.Outcome);
        Assert.Null(logged.Last().Record.Signature);
    }

    [Theory]
    [InlineData(0, "before it answered")]
    [InlineData(1, "before it confirmed its answer")]
    public async Task ExchangeDroppedByTheProvider_IsRefusedProviderUnreachable_NotPassedOnAsItsStatus(
        int messages, string when)
    {
        // The gRPC client makes a status of its own for a stream that broke; it is not the provider's, so the
        // client is told the provider's gateway failed, with a reason, and the verified response (when one came)
        // is not the answer.
        var (ex, logged) = await CallThroughRogueAsync(
            response => Enumerable.Repeat(response, messages).ToList(), endWith: null, drop: true);

        Assert.True("PROVIDER_UNREACHABLE" == Errors.Reason(ex), ex.ToString());
        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Equal($"the connection to the gateway of {TestFederation.Beta} failed {when}", ex.Status.Detail);
        Assert.Equal(messages + 2, logged.Count);
        var last = logged[^1].Record;
        Assert.Equal(("UNAVAILABLE PROVIDER_UNREACHABLE", null), (last.Outcome, last.Signature));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task ExchangeWithoutExactlyOneResponse_IsRefusedSignatureInvalid_AndLogged(int messages)
    {
        var (ex, logged) = await CallThroughRogueAsync(
            response => Enumerable.Repeat(response, messages).ToList(), endWith: null);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Equal("SIGNATURE_INVALID", Errors.Reason(ex));
        Assert.Contains(messages == 0 ? "no response message" : "a second response message", ex.Status.Detail);
        Assert.Equal("UNAUTHENTICATED SIGNATURE_INVALID", logged.Last().Record.Outcome);
    }

    /// <summary>
    /// One call through a provider that answers with what <paramref name="answers"/> makes of the real response and
    /// ends with <paramref name="endWith"/> (OK when null) or drops the stream: the error the client got, and the
    /// consumer's records of the call, once its whole log has verified.
    /// </summary>
    private static async Task<(RpcException Error, List<LoggedRecord> Logged)> CallThroughRogueAsync(
        Func<ExchangeResponse, IReadOnlyList<ExchangeResponse>> answers, Status? endWith, bool drop = false)
    {
        await using var federation = await TestFederation.StartAsync();
        await using var rogue = await TamperingProvider.StartAsync(federation, answers, endWith, drop);
        federation.Publish(Redirect(federation.Document, rogue.Address));
        var id = "rogue-" + Guid.NewGuid().ToString("N");
        var headers = TestFederation.Headers();
        headers.Add("xroad-message-id", id);

        var ex = await Assert.ThrowsAsync<RpcException>(() => federation.Echo()
            .SayAsync(new EchoRequest { Payload = ByteString.CopyFromUtf8("original") }, headers)
            .ResponseAsync.WaitAsync(Errors.Timeout));

        var records = federation.Consumer.MessageLog.Read().ToList();
        var check = MessageLogVerifier.Verify(records, federation.Consumer.Federation.Current!);
        Assert.True(check.IsValid, check.Failure?.ToString());
        return (ex, records.Where(r => r.Record.MessageId == id).ToList());
    }

    private static ExchangeResponse Tamper(ExchangeResponse response, string what)
    {
        switch (what)
        {
            case "payload":
                response.Payload = new EchoReply { Payload = ByteString.CopyFromUtf8("forged") }.ToByteString();
                break;
            case "status":
                response.StatusCode = (int)StatusCode.NotFound;
                break;
            case "trailer":
                response.Trailers.Add(new MetadataEntry { Key = "x-forged", Value = ByteString.CopyFromUtf8("1") });
                break;
            case "request-hash-binding":
                var envelope = response.Envelope.ToByteArray();
                envelope[envelope.Length / 2] ^= 0x20;
                response.Envelope = ByteString.CopyFrom(envelope);
                break;
            default:
                var signature = response.Signature.ToByteArray();
                signature[^5] ^= 0x01;
                response.Signature = ByteString.CopyFrom(signature);
                break;
        }

        return response;
    }

    private static FederationDocument Redirect(FederationDocument document, Uri address) => document with
    {
        Serial = document.Serial + 1,
        Gateways = document.Gateways
            .Select(g => g.Name == "beta-gw" ? g with { Address = address.ToString().TrimEnd('/') } : g).ToList(),
    };
}
