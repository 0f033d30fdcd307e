using ExchangeGateway.Core.Envelopes;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Core.Tests.Support;

namespace ExchangeGateway.Core.Tests.MessageLog;

/// <summary>Checks (5) to (7): envelopes against records, signatures, and who signed.</summary>
public sealed partial class MessageLogVerifierTests
{
    [Fact]
    public async Task Verify_BatchSignedRecordsInTheLog_AreValid()
    {
        await using var file = new TempMessageLog();
        var records = await LogRecords.SignInBatchAsync(
            Enumerable.Range(1, 3).Select(i => LogRecords.Unsigned($"m-{i}")), TestCertificates.ClientSigning);
        await file.AppendAllAsync(records);

        var verification = MessageLogVerifier.Verify(file.Log.Read(), Federation);

        Assert.True(verification.IsValid, verification.Failure?.ToString());
        Assert.Equal(3, verification.SignedRecords);
        Assert.All(file.Log.Read(), r => Assert.NotNull(r.Record.Proof));
    }

    [Fact]
    public async Task Verify_BatchProofsSwapped_NamesTheSignatureCheck()
    {
        var records = await LogRecords.SignInBatchAsync(
            [LogRecords.Unsigned("m-1"), LogRecords.Unsigned("m-2")], TestCertificates.ClientSigning);

        var swapped = Chain(records[0] with { Proof = records[1].Proof }, records[1]);

        var failure = Assert.IsType<LogFailure>(MessageLogVerifier.Verify(swapped, Federation).Failure);
        Assert.Equal(1, failure.Sequence);
        Assert.StartsWith("signature: signature does not verify over the content", failure.Check,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_RequestSignedByProviderMember_NamesTheSigner()
    {
        var records = Chain(LogRecords.SignedRequest("m-1", TestCertificates.ProviderSigning));

        var failure = Assert.IsType<LogFailure>(MessageLogVerifier.Verify(records, Federation).Failure);

        Assert.Equal(new LogFailure(1, "m-1",
            "signer 'CN=Migration member signing' is not a registered signing certificate of "
            + TestFederation.ClientMember), failure);
    }

    [Fact]
    public void Verify_ResponseSignedByProviderMember_IsValid()
    {
        var records = Chain(
            LogRecords.SignedRequest("m-1", TestCertificates.ClientSigning),
            LogRecords.SignedResponse("m-1", TestCertificates.ProviderSigning));

        var verification = MessageLogVerifier.Verify(records, Federation);

        Assert.True(verification.IsValid, verification.Failure?.ToString());
        Assert.Equal(2, verification.SignedRecords);
    }

    [Fact]
    public void Verify_ResponseSignedByClientMember_NamesTheServiceMember()
    {
        var records = Chain(LogRecords.SignedResponse("m-1", TestCertificates.ClientSigning));

        var failure = MessageLogVerifier.Verify(records, Federation).Failure;

        Assert.Equal(new LogFailure(1, "m-1",
            "signer 'CN=Border member signing' is not a registered signing certificate of "
            + TestFederation.ProviderMember), failure);
    }

    [Theory]
    [InlineData("revoked")]
    [InlineData("unregistered")]
    public void Verify_SignerNotRegisteredToAnyMember_NamesTheSigner(string signer)
    {
        var certificate = signer == "revoked" ? TestCertificates.RevokedSigning : TestCertificates.UnregisteredSigning;
        var records = Chain(
            LogRecords.SignedRequest("m-1", TestCertificates.ClientSigning),
            LogRecords.SignedRequest("m-2", certificate));

        var verification = MessageLogVerifier.Verify(records, Federation);

        Assert.Equal(2, verification.Records);
        Assert.Equal(1, verification.SignedRecords);
        Assert.Equal(new LogFailure(2, "m-2",
            $"signer '{certificate.Subject}' is not a registered signing certificate of {TestFederation.ClientMember}"),
            verification.Failure);
    }

    [Fact]
    public void Verify_SignerFromForeignCa_NamesTheChain()
    {
        var records = Chain(LogRecords.SignedRequest("m-1", TestCertificates.ForeignSigning));

        var failure = Assert.IsType<LogFailure>(MessageLogVerifier.Verify(records, Federation).Failure);

        Assert.StartsWith("signature: certificate 'CN=Foreign signing' does not chain to a federation CA",
            failure.Check, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_SignerExpiredAtTheTimeLogged_NamesTheValidity()
    {
        var records = Chain(LogRecords.SignedRequest("m-1", TestCertificates.CreateExpiredSigning()));

        var failure = Assert.IsType<LogFailure>(MessageLogVerifier.Verify(records, Federation).Failure);

        Assert.StartsWith("signature: certificate 'CN=Expired member signing' is not valid at", failure.Check,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("envelope only")]
    [InlineData("signature only")]
    [InlineData("proof only")]
    [InlineData("envelope and proof")]
    public void Verify_EnvelopeSignatureOrProofMissing_IsRefused(string present)
    {
        var signed = LogRecords.SignedRequest("m-1", TestCertificates.ClientSigning);
        var part = present switch
        {
            "envelope only" => signed with { Signature = null },
            "signature only" => signed with { Envelope = null },
            "proof only" => signed with { Envelope = null, Signature = null, Proof = [0x30, 0x00] },
            _ => signed with { Signature = null, Proof = [0x30, 0x00] },
        };

        var failure = MessageLogVerifier.Verify(Chain(part), Federation).Failure;

        Assert.Equal(new LogFailure(1, "m-1", "envelope, signature and proof must go together"), failure);
    }

    [Fact]
    public void Verify_EnvelopeNotDecodable_GivesTheDecoderFailure()
    {
        byte[] garbage = [0x30, 0x03, 0x02, 0x01, 0x07];
        var record = LogRecords.Unsigned("m-1") with
        {
            Envelope = garbage,
            Signature = new MessageSigner(TestCertificates.ClientSigning).Sign(garbage),
        };

        var failure = MessageLogVerifier.Verify(Chain(record), Federation).Failure;

        Assert.Equal(new LogFailure(1, "m-1", "envelope version is not 1"), failure);
    }

    [Theory]
    [InlineData("client", "envelope names another message, client, service or method than the record")]
    [InlineData("service", "envelope names another message, client, service or method than the record")]
    [InlineData("method", "envelope names another message, client, service or method than the record")]
    [InlineData("messageId", "envelope names another message, client, service or method than the record")]
    [InlineData("direction", "envelope kind differs from the record's direction")]
    [InlineData("payloadDigest", "envelope payload digest differs from the record's")]
    public void Verify_RecordDisagreesWithSignedEnvelope_NamesTheDisagreement(string field, string check)
    {
        var signed = LogRecords.SignedRequest("m-1", TestCertificates.ClientSigning);
        var disagreeing = Disagree(signed, field);

        var failure = MessageLogVerifier.Verify(Chain(disagreeing), Federation).Failure;

        Assert.Equal(new LogFailure(1, disagreeing.MessageId, check), failure);
    }

    [Theory]
    [InlineData("userId")]
    [InlineData("issue")]
    public void Verify_RecordDisagreesWithSignedEnvelopeOnUserOrIssue_IsRefused(string field)
    {
        var signed = LogRecords.SignedRequest("m-1", TestCertificates.ClientSigning);
        var disagreeing = Disagree(signed, field);

        var verification = MessageLogVerifier.Verify(Chain(disagreeing), Federation);

        Assert.False(verification.IsValid);
        Assert.Equal(1, verification.Failure!.Sequence);
    }

    /// <summary>Chains records in memory exactly as the log would.</summary>
    private static List<LoggedRecord> Chain(params MessageRecord[] records)
    {
        var chain = new List<LoggedRecord>();
        var previous = new byte[32];
        foreach (var record in records)
        {
            var sequence = chain.Count + 1;
            var hash = RecordHash.Compute(sequence, record, previous);
            chain.Add(new LoggedRecord(sequence, record, previous, hash));
            previous = hash;
        }

        return chain;
    }

    private static MessageRecord Disagree(MessageRecord record, string field) => field switch
    {
        "client" => record with { Client = TestFederation.ClientMember + "/visa-desk" },
        "service" => record with { Service = TestFederation.Service + "V2" },
        "method" => record with { Method = "ListPermits" },
        "messageId" => record with { MessageId = "m-other" },
        "direction" => record with { Direction = EnvelopeKind.Response },
        "payloadDigest" => record with { PayloadDigest = new byte[32] },
        "userId" => record with { UserId = "MD1999000000000" },
        "issue" => record with { Issue = "another case" },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
