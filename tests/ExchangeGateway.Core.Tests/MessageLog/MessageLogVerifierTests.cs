using ExchangeGateway.Core.Federation;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Core.Tests.Support;

namespace ExchangeGateway.Core.Tests.MessageLog;

public sealed partial class MessageLogVerifierTests
{
    private const string RecordHashCheck = "record hash does not match its fields";

    private const string PreviousHashCheck = "previous-hash does not match the hash of the record before it";

    private static readonly FederationConfiguration Federation = TestFederation.Read();

    [Fact]
    public async Task Verify_UntouchedLog_IsValidAndCountsSignedRecords()
    {
        await using var file = await WriteLogAsync();

        var verification = MessageLogVerifier.Verify(file.Log.Read(), Federation);

        Assert.True(verification.IsValid, verification.Failure?.ToString());
        Assert.Null(verification.Failure);
        Assert.Equal(5, verification.Records);
        Assert.Equal(4, verification.SignedRecords);
    }

    [Fact]
    public void Verify_EmptyLog_IsValid()
    {
        var verification = MessageLogVerifier.Verify([], Federation);

        Assert.True(verification.IsValid);
        Assert.Equal(0, verification.Records);
    }

    [Theory]
    [InlineData("user_id", "MD1999000000000")]
    [InlineData("issue", "another case")]
    [InlineData("client", "MD/GOV/1012601000025/visa-desk")]
    [InlineData("service", "MD/GOV/1006601000037/foreigners-registry:migration.v1.Other")]
    [InlineData("method", "ListPermits")]
    [InlineData("outcome", "PERMISSION_DENIED ACCESS_DENIED")]
    [InlineData("side", 1)]
    [InlineData("direction", 1)]
    [InlineData("logged_at", 1)]
    [InlineData("payload_digest", new byte[] { 1, 2, 3 })]
    [InlineData("message_id", "m-3-forged")]
    public async Task Verify_FieldChangedInTheFile_NamesRecordHashCheckAndRecord(string column, object value)
    {
        await using var file = await WriteLogAsync();
        file.DropUpdateTrigger();

        file.Execute($"UPDATE records SET {column} = $value WHERE seq = 3", ("$value", value));

        AssertFailure(file, 3, RecordHashCheck, expectedRecords: 3);
    }

    [Theory]
    [InlineData("envelope", "abc", RecordHashCheck)]
    [InlineData("signature", "abc", RecordHashCheck)]
    [InlineData("proof", 42, RecordHashCheck)]
    [InlineData("payload_digest", "abc", RecordHashCheck)]
    [InlineData("subject_hash", "abc", RecordHashCheck)]
    [InlineData("record_hash", "abc", RecordHashCheck)]
    [InlineData("prev_hash", 7, PreviousHashCheck)]
    [InlineData("user_id", new byte[] { 0xff, 0xfe }, RecordHashCheck)]
    [InlineData("side", "1", RecordHashCheck)]
    public async Task Verify_ValueOfAnotherTypeInTheFile_NamesTheCheckAndRecord_InsteadOfThrowing(
        string column, object value, string check)
    {
        await using var file = await WriteLogAsync();
        file.DropUpdateTrigger();

        file.Execute($"UPDATE records SET {column} = $value WHERE seq = 3", ("$value", value));

        AssertFailure(file, 3, check, expectedRecords: 3);
    }

    [Fact]
    public async Task Verify_FieldChangedAndItsHashRecomputed_NamesPreviousHashOfTheNextRecord()
    {
        await using var file = await WriteLogAsync();
        file.DropUpdateTrigger();
        file.Execute("UPDATE records SET user_id = 'MD1999000000000' WHERE seq = 3");

        Rehash(file, 3);

        AssertFailure(file, 4, PreviousHashCheck, expectedRecords: 4);
    }

    [Fact]
    public async Task Verify_RecordDeleted_NamesTheGap()
    {
        await using var file = await WriteLogAsync();

        file.Execute("DROP TRIGGER records_no_delete");

        file.Execute("DELETE FROM records WHERE seq = 3");

        AssertFailure(file, 4, "sequence jumps from 2 to 4: records are missing", expectedRecords: 3);
    }

    [Fact]
    public async Task Verify_FirstRecordDeleted_NamesTheGap()
    {
        await using var file = await WriteLogAsync();

        file.Execute("DROP TRIGGER records_no_delete");

        file.Execute("DELETE FROM records WHERE seq = 1");

        AssertFailure(file, 2, "sequence jumps from 0 to 2: records are missing", expectedRecords: 1);
    }

    [Fact]
    public async Task Verify_TwoRecordsSwapped_NamesPreviousHashWhereTheOrderBreaks()
    {
        await using var file = await WriteLogAsync();
        file.DropUpdateTrigger();

        file.Execute("UPDATE records SET seq = -1 WHERE seq = 2");
        file.Execute("UPDATE records SET seq = 2 WHERE seq = 3");
        file.Execute("UPDATE records SET seq = 3 WHERE seq = -1");

        Assert.Equal(["m-1", "m-3", "m-2", "m-4", "m-5"], file.Log.Read().Select(r => r.Record.MessageId));
        AssertFailure(file, 2, PreviousHashCheck, expectedRecords: 2);
    }

    [Fact]
    public async Task Verify_PayloadChanged_NamesRecordHash()
    {
        await using var file = await WriteLogAsync();
        file.DropUpdateTrigger();

        file.Execute("UPDATE records SET payload = $payload WHERE seq = 3", ("$payload", "forged"u8.ToArray()));

        AssertFailure(file, 3, RecordHashCheck, expectedRecords: 3);
    }

    [Fact]
    public async Task Verify_PayloadOfLastRecordChangedAndRehashed_NamesPayloadDigest()
    {
        await using var file = await WriteLogAsync();
        file.DropUpdateTrigger();
        file.Execute("UPDATE records SET payload = $payload WHERE seq = 5", ("$payload", "forged"u8.ToArray()));

        Rehash(file, 5);

        AssertFailure(file, 5, "payload does not match its digest", expectedRecords: 5);
    }

    [Fact]
    public async Task Verify_SignatureMovedFromAnotherRecord_NamesRecordHash()
    {
        await using var file = await WriteLogAsync();
        file.DropUpdateTrigger();

        file.Execute("UPDATE records SET signature = (SELECT signature FROM records WHERE seq = 2) WHERE seq = 3");

        AssertFailure(file, 3, RecordHashCheck, expectedRecords: 3);
    }

    [Fact]
    public async Task Verify_SignatureMovedToLastRecordAndRehashed_NamesTheSignatureCheck()
    {
        await using var file = await WriteLogAsync();
        file.DropUpdateTrigger();
        file.Execute("UPDATE records SET signature = (SELECT signature FROM records WHERE seq = 4) WHERE seq = 5");

        Rehash(file, 5);

        var failure = Failure(file, expectedRecords: 5);
        Assert.Equal(5, failure.Sequence);
        Assert.StartsWith("signature: signature does not verify over the content", failure.Check,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_EnvelopeAndSignatureMovedToLastRecordAndRehashed_NamesTheDisagreement()
    {
        await using var file = await WriteLogAsync();
        file.DropUpdateTrigger();
        file.Execute("""
            UPDATE records SET envelope = (SELECT envelope FROM records WHERE seq = 4),
                signature = (SELECT signature FROM records WHERE seq = 4) WHERE seq = 5
            """);

        Rehash(file, 5);

        AssertFailure(file, 5, "envelope names another message, client, service or method than the record",
            expectedRecords: 5);
    }

    [Fact]
    public void Verify_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => MessageLogVerifier.Verify(null!, Federation));
        Assert.Throws<ArgumentNullException>(() => MessageLogVerifier.Verify([], null!));
    }

    /// <summary>Five records: two signed requests, an unsigned record with its payload kept, two more signed.</summary>
    private static async Task<TempMessageLog> WriteLogAsync()
    {
        var file = new TempMessageLog();
        await file.AppendAllAsync(
        [
            LogRecords.SignedRequest("m-1", TestCertificates.ClientSigning),
            LogRecords.SignedResponse("m-2", TestCertificates.ProviderSigning),
            LogRecords.Unsigned("m-3", keepPayload: true),
            LogRecords.SignedRequest("m-4", TestCertificates.ClientSigning, keepPayload: true),
            LogRecords.SignedRequest("m-5", TestCertificates.ClientSigning, keepPayload: true),
        ]);
        return file;
    }

    /// <summary>Recomputes the stored hash of record <paramref name="sequence"/> over its present fields.</summary>
    private static void Rehash(TempMessageLog file, long sequence)
    {
        var logged = file.Log.Read(sequence).First();
        var hash = RecordHash.Compute(logged.Sequence, logged.Record, logged.PreviousHash);
        file.Execute("UPDATE records SET record_hash = $hash WHERE seq = $seq", ("$hash", hash), ("$seq", sequence));
    }

    private static LogFailure Failure(TempMessageLog file, long expectedRecords)
    {
        var verification = MessageLogVerifier.Verify(file.Log.Read(), Federation);

        Assert.False(verification.IsValid);
        Assert.Equal(expectedRecords, verification.Records);
        return verification.Failure!;
    }

    private static void AssertFailure(TempMessageLog file, long sequence, string check, long expectedRecords)
    {
        var messageId = file.Log.Read(sequence).First().Record.MessageId;

        Assert.Equal(new LogFailure(sequence, messageId, check), Failure(file, expectedRecords));
    }
}
