using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Merkle;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Host.Audit.V1;
using ExchangeGateway.Host.Tests.Support;
using Grpc.Core;

namespace ExchangeGateway.Host.Tests.Audit;

public sealed class AuditEvidenceTests(AuditFixture fixture) : IClassFixture<AuditFixture>
{
    private TestFederation Federation => fixture.Federation;

    [Fact]
    public async Task Evidence_OfARealCall_HasSignaturesTheVerifierAccepts_AndItsTimeStamps()
    {
        var consumer = Federation.Consumer;
        await consumer.Timestamper!.StampBacklogAsync(CancellationToken.None).WaitAsync(Errors.Timeout);

        var evidence = await GetAsync(consumer, "audit-0");

        var logged = SqliteMessageLog.ReadFile(consumer.Options.MessageLogPath)
            .Where(r => r.Record.MessageId == "audit-0").ToList();
        Assert.Equal(logged.Select(r => r.Sequence), evidence.Records.Select(r => r.Record.Sequence));
        Assert.Equal(2, evidence.Records.Count);
        var authorities = new X509Certificate2Collection();
        foreach (var pem in evidence.CertificateAuthorities)
        {
            authorities.ImportFromPem(pem);
        }

        Assert.Equal([Federation.Pki.Authority.Thumbprint], authorities.Select(a => a.Thumbprint));
        Assert.True(Core.Federation.FederationConfigurationReader.TryRead(evidence.Federation.ToByteArray(),
            evidence.FederationSignature.ToByteArray(), [Federation.Pki.ConfigurationAnchor], DateTimeOffset.UtcNow,
            out var configuration, out var errors), string.Join("; ", errors));
        Assert.Equal(authorities.Select(a => a.Thumbprint), configuration.Authorities.Select(a => a.Thumbprint));
        var signers = new List<string>();
        foreach (var (record, expected) in evidence.Records.Zip(logged))
        {
            Assert.Equal(expected.PreviousHash, record.PreviousHash.ToByteArray());
            Assert.Equal(expected.Hash, record.Record.RecordHash.ToByteArray());
            var check = SignatureVerifier.VerifyMessage(record.Envelope.ToByteArray(), record.Signature.ToByteArray(),
                record.Proof.IsEmpty ? null : record.Proof.ToByteArray(), authorities,
                record.Record.LoggedAt.ToDateTimeOffset());
            Assert.True(check.IsValid, check.Failure);
            signers.Add(check.Signer.Thumbprint);

            var stamp = record.TimeStamp;
            Assert.NotNull(stamp);
            Assert.Equal("test-tsa", stamp.Authority);
            Assert.Equal(consumer.MessageLog.StampOf(record.Record.Sequence)!.Stamp.Id, stamp.StampId);
            Assert.False(stamp.Token.IsEmpty);
            Assert.InRange(record.Record.Sequence, stamp.FirstSequence, stamp.LastSequence);
            Assert.True(InclusionProof.TryDecode(stamp.Proof.ToByteArray(), out var proof));
            Assert.Equal(stamp.Root.ToByteArray(), proof.RootFor(record.Record.RecordHash.ToByteArray()));
        }

        Assert.Equal([Federation.Pki.Read("alpha-signing").Thumbprint, Federation.Pki.Read("beta-signing").Thumbprint],
            signers);
    }

    [Fact]
    public async Task Evidence_WithAChangedEnvelope_FailsVerification()
    {
        var evidence = await GetAsync(Federation.Provider, "audit-1");
        var record = evidence.Records[0];
        var envelope = record.Envelope.ToByteArray();
        envelope[^1] ^= 0x01;
        var authorities = new X509Certificate2Collection(Federation.Pki.Authority);

        var check = SignatureVerifier.VerifyMessage(envelope, record.Signature.ToByteArray(),
            record.Proof.IsEmpty ? null : record.Proof.ToByteArray(), authorities,
            record.Record.LoggedAt.ToDateTimeOffset());

        Assert.False(check.IsValid);
    }

    [Fact]
    public async Task Evidence_OfARefusedCall_HasItsUnsignedRecord()
    {
        var evidence = await GetAsync(Federation.Consumer, "audit-2");

        Assert.NotEmpty(evidence.Records);
        Assert.Contains(evidence.Records, r => r.Record.Outcome == "PERMISSION_DENIED ACCESS_DENIED");
    }

    [Fact]
    public async Task Evidence_OfAnUnknownMessage_IsNotFound_MessageNotFound()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => GetAsync(Federation.Consumer, "no-such-message"));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal("MESSAGE_NOT_FOUND", Errors.Reason(ex));
    }

    [Fact]
    public async Task Evidence_WithoutMessageId_IsInvalidArgument_BadRequest()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => GetAsync(Federation.Consumer, ""));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("BAD_REQUEST", Errors.Reason(ex));
    }

    private async Task<GetEvidenceResponse> GetAsync(GatewayNode node, string messageId) =>
        await Federation.AuditClient(node)
            .GetEvidenceAsync(new GetEvidenceRequest { MessageId = messageId },
                AuditCallers.Bearer(fixture.Callers.Auditor))
            .ResponseAsync.WaitAsync(Errors.Timeout);
}
