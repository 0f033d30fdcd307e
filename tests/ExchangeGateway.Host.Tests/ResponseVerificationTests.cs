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
        await using var federation = await TestFederation.StartAsync();
        await using var rogue = await TamperingProvider.StartAsync(federation, response => Tamper(response, what));
        federation.Publish(Redirect(federation.Document, rogue.Address));
        var id = "tampered-" + Guid.NewGuid().ToString("N");
        var headers = TestFederation.Headers();
        headers.Add("xroad-message-id", id);

        var ex = await Assert.ThrowsAsync<RpcException>(() => federation.Echo()
            .SayAsync(new EchoRequest { Payload = ByteString.CopyFromUtf8("original") }, headers)
            .ResponseAsync.WaitAsync(Errors.Timeout));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Equal("SIGNATURE_INVALID", Errors.Reason(ex));
        var logged = federation.Consumer.MessageLog.Read().Where(r => r.Record.MessageId == id).ToList();
        Assert.Equal("UNAUTHENTICATED SIGNATURE_INVALID", logged.Last().Record.Outcome);
        Assert.Null(logged.Last().Record.Signature);
    }

    [Fact]
    public async Task ResponseFollowedByAFailedStatus_IsNotTheAnswer_AndLoggedWithThatStatus()
    {
        // The provider sends its answer while its response record commits; a failed status after it (its log could
        // not make the record durable) means the answer is not one: the client must not get the payload. The
        // consumer has logged the verified response meanwhile; a second record says how the exchange ended.
        await using var federation = await TestFederation.StartAsync();
        await using var rogue = await TamperingProvider.StartAsync(federation, response => [response],
            new Status(StatusCode.Unavailable, "the provider's log could not make the response durable"));
        federation.Publish(Redirect(federation.Document, rogue.Address));
        var id = "unlogged-" + Guid.NewGuid().ToString("N");
        var headers = TestFederation.Headers();
        headers.Add("xroad-message-id", id);

        var ex = await Assert.ThrowsAsync<RpcException>(() => federation.Echo()
            .SayAsync(new EchoRequest { Payload = ByteString.CopyFromUtf8("original") }, headers)
            .ResponseAsync.WaitAsync(Errors.Timeout));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Contains("could not make the response durable", ex.Status.Detail);
        var logged = federation.Consumer.MessageLog.Read().Where(r => r.Record.MessageId == id).ToList();
        Assert.Equal(3, logged.Count);
        Assert.Equal(("OK", true), (logged[1].Record.Outcome, logged[1].Record.Signature is not null));
        Assert.Equal("UNAVAILABLE", logged.Last().Record.Outcome);
        Assert.Null(logged.Last().Record.Signature);
        var check = MessageLogVerifier.Verify(federation.Consumer.MessageLog.Read().ToList(),
            federation.Consumer.Federation.Current!);
        Assert.True(check.IsValid, check.Failure?.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task ExchangeWithoutExactlyOneResponse_IsRefusedSignatureInvalid_AndLogged(int messages)
    {
        await using var federation = await TestFederation.StartAsync();
        await using var rogue = await TamperingProvider.StartAsync(
            federation, response => Enumerable.Repeat(response, messages).ToList(), endWith: null);
        federation.Publish(Redirect(federation.Document, rogue.Address));
        var id = "miscounted-" + Guid.NewGuid().ToString("N");
        var headers = TestFederation.Headers();
        headers.Add("xroad-message-id", id);

        var ex = await Assert.ThrowsAsync<RpcException>(() => federation.Echo()
            .SayAsync(new EchoRequest { Payload = ByteString.CopyFromUtf8("original") }, headers)
            .ResponseAsync.WaitAsync(Errors.Timeout));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Equal("SIGNATURE_INVALID", Errors.Reason(ex));
        Assert.Contains(messages == 0 ? "no response message" : "a second response message", ex.Status.Detail);
        var logged = federation.Consumer.MessageLog.Read().Where(r => r.Record.MessageId == id).ToList();
        Assert.Equal("UNAUTHENTICATED SIGNATURE_INVALID", logged.Last().Record.Outcome);
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
