using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Core.Tests.Archives;
using ExchangeGateway.Core.Tests.Support;

namespace ExchangeGateway.Core.Tests.MessageLog;

/// <summary>A live log's stamps against records taken out of it: the stamp names what it lacks.</summary>
public sealed class StampVerifierTests
{
    [Fact]
    public async Task Verify_StampedLog_IsValid()
    {
        await using var log = new StampedLog();
        await log.AddStampedAsync(runs: 2, size: 3);

        var verification = StampVerifier.Verify(log.Log, TestFederation.Read());

        Assert.True(verification.IsValid, verification.Failure?.ToString());
        Assert.Equal(2, verification.Stamps);
        Assert.Equal(6, verification.StampedRecords);
    }

    [Theory]
    [InlineData("seq = 6", "record 6 is missing")]
    [InlineData("seq >= 5", "records 5-6 are missing")]
    [InlineData("seq = 5", "record 5 is missing")]
    public async Task Verify_RecordsTakenOut_NamesTheFirstMissing(string taken, string missing)
    {
        await using var log = new StampedLog();
        await log.AddStampedAsync(runs: 2, size: 3);
        await log.File.CloseAsync();
        log.File.Execute($"DROP TRIGGER records_no_delete; DELETE FROM records WHERE {taken}");
        await log.File.ReopenAsync();

        var failure = StampVerifier.Verify(log.Log, TestFederation.Read()).Failure;

        var held = taken == "seq >= 5" ? 1 : 2;
        Assert.Equal(
            $"record 4 (message m-4): stamp 2 covers records 4-6, but the log holds {held} of them: {missing}",
            failure?.ToString());
    }
}
