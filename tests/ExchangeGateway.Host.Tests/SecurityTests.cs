using ExchangeGateway.Core.Pki;
using ExchangeGateway.Host.Tests.Support;
using ExchangeGateway.Testing.V1;
using Google.Protobuf;
using Grpc.Core;

namespace ExchangeGateway.Host.Tests;

public sealed class SecurityTests(FederationFixture fixture) : IClassFixture<FederationFixture>
{
    private TestFederation Federation => fixture.Federation;

    [Fact]
    public async Task CallWithoutGrant_IsRefusedAccessDenied_WithItsMessageId_AndLoggedOnBothSides()
    {
        var id = "nogrant-" + Guid.NewGuid().ToString("N");
        var headers = TestFederation.Headers(client: TestFederation.Stranger);
        headers.Add("xroad-message-id", id);

        using var call = Federation.Echo().SayAsync(new EchoRequest(), headers);
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(Errors.Timeout));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Equal("ACCESS_DENIED", Errors.Reason(ex));
        Assert.Equal(id, (await call.ResponseHeadersAsync).GetValue("xroad-message-id"));
        var provider = Federation.Provider.MessageLog.Read().Single(r => r.Record.MessageId == id);
        Assert.Equal("PERMISSION_DENIED ACCESS_DENIED", provider.Record.Outcome);
        Assert.NotNull(provider.Record.Signature);
        var consumer = Federation.Consumer.MessageLog.Read().Where(r => r.Record.MessageId == id).ToList();
        Assert.Equal(["OK", "PERMISSION_DENIED ACCESS_DENIED"], consumer.Select(r => r.Record.Outcome));
    }

    [Fact]
    public async Task GatewayOfOneMember_ClaimingAnotherMembersSubsystem_IsRefused()
    {
        var gamma = Federation.PeerExchange(Federation.Pki.Read("gamma-gateway"));
        var request = PeerRequests.SignedBy(Federation.Pki.Read("gamma-signing"), client: TestFederation.Caller);

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            gamma.CallOnceAsync(request).WaitAsync(Errors.Timeout));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Equal("PEER_NOT_CLIENT_MEMBER", Errors.Reason(ex));
    }

    [Fact]
    public async Task PeerCertificateFromCaOutsideFederation_IsRefusedInTheHandshake()
    {
        var now = DateTimeOffset.UtcNow;
        var rogueCa = CertificateFactory.CreateAuthority("CN=Rogue CA", now.AddDays(-1), now.AddDays(30));
        var rogue = CertificateFactory.CreateTls(rogueCa, "CN=alpha-gw", "alpha-gw", now.AddDays(-1), now.AddDays(10));
        var before = Federation.Provider.MessageLog.Read().Count();

        var ex = await Assert.ThrowsAsync<RpcException>(() => Federation.PeerExchange(rogue)
            .CallOnceAsync(PeerRequests.SignedBy(Federation.Pki.Read("alpha-signing")))
            .WaitAsync(Errors.Timeout));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.IsType<HttpRequestException>(ex.Status.DebugException);
        Assert.Equal(before, Federation.Provider.MessageLog.Read().Count());
    }

    [Fact]
    public async Task PeerCertificateNotRegisteredToAnyGateway_IsRefusedPeerNotTrusted()
    {
        var now = DateTimeOffset.UtcNow;
        var unregistered = CertificateFactory.CreateTls(
            Federation.Pki.Read("ca"), "CN=unregistered-gw", "unregistered-gw", now.AddDays(-1), now.AddDays(10));

        var ex = await Assert.ThrowsAsync<RpcException>(() => Federation.PeerExchange(unregistered)
            .CallOnceAsync(PeerRequests.SignedBy(Federation.Pki.Read("alpha-signing")))
            .WaitAsync(Errors.Timeout));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Equal("PEER_NOT_TRUSTED", Errors.Reason(ex));
    }

    [Fact]
    public async Task TamperedPayload_IsRefusedSignatureInvalid()
    {
        var request = PeerRequests.SignedBy(Federation.Pki.Read("alpha-signing"));
        request.Payload = ByteString.CopyFromUtf8("tampered");

        var alpha = Federation.PeerExchange(Federation.Pki.Read("alpha-gateway"));

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            alpha.CallOnceAsync(request).WaitAsync(Errors.Timeout));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Equal("SIGNATURE_INVALID", Errors.Reason(ex));
    }

    [Fact]
    public async Task TamperedEnvelope_IsRefusedSignatureInvalid()
    {
        var request = PeerRequests.SignedBy(Federation.Pki.Read("alpha-signing"));
        var envelope = request.Envelope.ToByteArray();
        envelope[^3] ^= 0x01;
        request.Envelope = ByteString.CopyFrom(envelope);

        var alpha = Federation.PeerExchange(Federation.Pki.Read("alpha-gateway"));

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            alpha.CallOnceAsync(request).WaitAsync(Errors.Timeout));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Equal("SIGNATURE_INVALID", Errors.Reason(ex));
    }

    [Fact]
    public async Task EnvelopeSignedByAnotherMembersKey_IsRefusedSignatureInvalid()
    {
        var request = PeerRequests.SignedBy(Federation.Pki.Read("beta-signing"));

        var alpha = Federation.PeerExchange(Federation.Pki.Read("alpha-gateway"));

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            alpha.CallOnceAsync(request).WaitAsync(Errors.Timeout));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Equal("SIGNATURE_INVALID", Errors.Reason(ex));
    }

    [Fact]
    public async Task ValidPeerRequest_IsAnsweredWithSignedResponseBoundToIt()
    {
        var request = PeerRequests.SignedBy(Federation.Pki.Read("alpha-signing"));

        var response = await Federation.PeerExchange(Federation.Pki.Read("alpha-gateway"))
            .CallOnceAsync(request).WaitAsync(Errors.Timeout);

        Assert.True(Core.Envelopes.EnvelopeCodec.TryDecode(response.Envelope.ToByteArray(), out var envelope, out _));
        Assert.Equal(Core.Envelopes.EnvelopeCodec.Hash(request.Envelope.Span), envelope.RequestHash.ToArray());
        Assert.Equal(0, response.StatusCode);
    }

    [Fact]
    public async Task ClientCertificateNotRegisteredToSubsystem_IsRefusedClientNotAuthenticated()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Federation.Echo(certificate: "beta-client")
            .SayAsync(new EchoRequest(), TestFederation.Headers()).ResponseAsync.WaitAsync(Errors.Timeout));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Equal("CLIENT_NOT_AUTHENTICATED", Errors.Reason(ex));
    }

    [Fact]
    public async Task ClientOfAnotherMember_IsRefusedUnknownClient()
    {
        var headers = TestFederation.Headers(client: TestFederation.Beta + "/registry");

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            Federation.Echo().SayAsync(new EchoRequest(), headers).ResponseAsync.WaitAsync(Errors.Timeout));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Equal("UNKNOWN_CLIENT", Errors.Reason(ex));
    }

    [Theory]
    [InlineData("MD/GOV//caller", "member code: is empty")]
    [InlineData("MD/GOV/1000000000001/cal;ler", "subsystem code: contains ';'")]
    [InlineData("MD/GOV/1000000000001", "has 3 parts")]
    [InlineData("MD/GOV/10000%0000001/caller", "member code: contains '%'")]
    [InlineData("", "xroad-client is missing: name the calling subsystem, INSTANCE/CLASS/CODE/SUBSYSTEM")]
    public async Task BadClientIdentifier_IsRefusedBadIdentifier_NamingThePart(string client, string expected)
    {
        var id = "badid-" + Guid.NewGuid().ToString("N");
        var headers = TestFederation.Headers(client: client);
        headers.Add("xroad-message-id", id);

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            Federation.Echo().SayAsync(new EchoRequest(), headers).ResponseAsync.WaitAsync(Errors.Timeout));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("BAD_IDENTIFIER", Errors.Reason(ex));
        Assert.Contains(expected, ex.Status.Detail, StringComparison.Ordinal);
        var logged = Federation.Consumer.MessageLog.Read().Single(r => r.Record.MessageId == id);
        Assert.Equal("INVALID_ARGUMENT BAD_IDENTIFIER", logged.Record.Outcome);
    }

    [Fact]
    public async Task ServiceHeaderLeftOut_IsRefusedBadIdentifier_SayingItIsMissing()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Federation.Echo()
            .SayAsync(new EchoRequest(), new Metadata { { "xroad-client", TestFederation.Caller } }).ResponseAsync
            .WaitAsync(Errors.Timeout));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("BAD_IDENTIFIER", Errors.Reason(ex));
        Assert.StartsWith("xroad-service is missing: name the service", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MD/GOV/1000000000002/nowhere:testing.v1.Echo")]
    [InlineData("MD/GOV/9999999999999/registry:testing.v1.Echo")]
    public async Task UnknownService_IsRefusedUnknownService(string service)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Federation.Echo()
            .SayAsync(new EchoRequest(), TestFederation.Headers(service: service)).ResponseAsync
            .WaitAsync(Errors.Timeout));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal("UNKNOWN_SERVICE", Errors.Reason(ex));
    }

    [Fact]
    public async Task ServiceNotPublishedByProvider_IsRefusedUnknownService()
    {
        // beta's subsystem "registry" is in the federation, but it publishes no testing.v1.Other.
        var method = new Method<EchoRequest, EchoReply>(MethodType.Unary, "testing.v1.Other", "Say",
            Marshallers.Create<EchoRequest>(r => r.ToByteArray(), EchoRequest.Parser.ParseFrom),
            Marshallers.Create<EchoReply>(r => r.ToByteArray(), EchoReply.Parser.ParseFrom));
        var invoker = Federation.ClientChannel().CreateCallInvoker();
        var headers = TestFederation.Headers(service: TestFederation.Beta + "/registry:testing.v1.Other");

        var ex = await Assert.ThrowsAsync<RpcException>(() => invoker
            .AsyncUnaryCall(method, null, new CallOptions(headers), new EchoRequest()).ResponseAsync
            .WaitAsync(Errors.Timeout));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal("UNKNOWN_SERVICE", Errors.Reason(ex));
    }

    [Fact]
    public async Task ServiceHeaderNamingAnotherServiceThanPath_IsRefusedBadIdentifier()
    {
        var headers = TestFederation.Headers(service: TestFederation.Beta + "/registry:testing.v1.Other");

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            Federation.Echo().SayAsync(new EchoRequest(), headers).ResponseAsync.WaitAsync(Errors.Timeout));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("BAD_IDENTIFIER", Errors.Reason(ex));
    }

    [Fact]
    public async Task MessageIdUsedTwiceByOneClient_IsRefusedDuplicateMessage()
    {
        var headers = TestFederation.Headers();
        headers.Add("xroad-message-id", "twice-" + Guid.NewGuid().ToString("N"));
        await Federation.Echo().SayAsync(new EchoRequest(), headers).ResponseAsync.WaitAsync(Errors.Timeout);

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            Federation.Echo().SayAsync(new EchoRequest(), headers).ResponseAsync.WaitAsync(Errors.Timeout));

        Assert.Equal(StatusCode.AlreadyExists, ex.StatusCode);
        Assert.Equal("DUPLICATE_MESSAGE", Errors.Reason(ex));
    }

    [Fact]
    public async Task ReplayedSignedRequest_IsRefusedDuplicateMessage_ByTheProvider()
    {
        var peer = Federation.PeerExchange(Federation.Pki.Read("alpha-gateway"));
        var request = PeerRequests.SignedBy(Federation.Pki.Read("alpha-signing"));
        await peer.CallOnceAsync(request).WaitAsync(Errors.Timeout);

        var ex = await Assert.ThrowsAsync<RpcException>(() => peer.CallOnceAsync(request)
            .WaitAsync(Errors.Timeout));

        Assert.Equal(StatusCode.AlreadyExists, ex.StatusCode);
        Assert.Equal("DUPLICATE_MESSAGE", Errors.Reason(ex));
    }
}
