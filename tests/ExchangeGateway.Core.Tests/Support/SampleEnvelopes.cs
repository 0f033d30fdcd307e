using System.Security.Cryptography;
using ExchangeGateway.Core.Envelopes;

namespace ExchangeGateway.Core.Tests.Support;

/// <summary>A request and its response as the test federation's gateways would make them.</summary>
internal static class SampleEnvelopes
{
    public static Envelope Request() => new()
    {
        Kind = EnvelopeKind.Request,
        MessageId = "0b7c5d6e-2f4a-4c1e-9a8b-3d2e1f0a9b8c",
        Client = TestFederation.ClientSubsystem,
        Service = TestFederation.Service,
        Method = TestFederation.Method,
        UserId = "Ion Cr\u0103ciun \u0416\u0443\u043a\u043e\u0432",
        Issue = "dosarul nr. 42/2026 \u2013 verificare la frontier\u0103 \U0001F6C2",
        CreatedAt = TestTime.Now,
        PayloadDigest = SHA256.HashData("residence permit query"u8),
        MetadataDigest = MetadataDigest.Compute([new("x-request-kind", "lookup"u8.ToArray())]),
    };

    public static Envelope Response(Envelope request) => new()
    {
        Kind = EnvelopeKind.Response,
        MessageId = request.MessageId,
        Client = request.Client,
        Service = request.Service,
        Method = request.Method,
        UserId = request.UserId,
        Issue = request.Issue,
        CreatedAt = request.CreatedAt.AddTicks(4_560),
        PayloadDigest = SHA256.HashData("residence permit answer"u8),
        MetadataDigest = MetadataDigest.Compute([]),
        RequestHash = EnvelopeCodec.Hash(EnvelopeCodec.Encode(request)),
        StatusCode = 5,
        StatusDetail = "permisul nu a fost g\u0103sit",
    };
}
