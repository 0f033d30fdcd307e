using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Envelopes;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Host.Exchange.V1;
using ExchangeGateway.Testing.V1;
using Google.Protobuf;

namespace ExchangeGateway.Host.Tests.Support;

/// <summary>Builds exchange requests as a peer gateway would, to test the provider's checks one by one.</summary>
public static class PeerRequests
{
    public static ExchangeRequest SignedBy(
        X509Certificate2 signingCertificate, string client = TestFederation.Caller, string? messageId = null)
    {
        var payload = new EchoRequest { Payload = ByteString.CopyFromUtf8("peer") }.ToByteArray();
        var envelope = EnvelopeCodec.Encode(new Envelope
        {
            Kind = EnvelopeKind.Request,
            MessageId = messageId ?? Guid.NewGuid().ToString("N"),
            Client = client,
            Service = TestFederation.EchoService,
            Method = "Say",
            CreatedAt = DateTimeOffset.UtcNow,
            PayloadDigest = SHA256.HashData(payload),
            MetadataDigest = MetadataDigest.Compute([]),
        });
        return new ExchangeRequest
        {
            Envelope = ByteString.CopyFrom(envelope),
            Signature = ByteString.CopyFrom(new MessageSigner(signingCertificate).Sign(envelope)),
            Payload = ByteString.CopyFrom(payload),
        };
    }
}
