using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Core.Tests.Support;

namespace ExchangeGateway.Core.Tests.MessageLog;

public sealed class MessageLogSearchTests
{
    [Fact]
    public async Task TimeBounds_BetweenMicroseconds_KeepTheRangeHalfOpen()
    {
        await using var file = new TempMessageLog();
        var at = TestTime.Now;
        await file.AppendAllAsync([LogRecords.Unsigned("m-1") with { LoggedAt = at }]);
        var justAfter = at.AddTicks(5);

        var fromJustAfter = MessageLogSearch.Search(file.Path, new RecordFilter { From = justAfter });
        var toJustAfter = MessageLogSearch.Search(file.Path, new RecordFilter { To = justAfter });
        var fromAt = MessageLogSearch.Search(file.Path, new RecordFilter { From = at });
        var toAt = MessageLogSearch.Search(file.Path, new RecordFilter { To = at });

        Assert.Empty(fromJustAfter);
        Assert.Single(toJustAfter);
        Assert.Single(fromAt);
        Assert.Empty(toAt);
    }

    [Fact]
    public async Task Search_LeavesOutPayloadAndSignature_AndSaysWhetherSigned()
    {
        await using var file = new TempMessageLog();
        await file.AppendAllAsync(
        [
            LogRecords.Unsigned("plain", keepPayload: true),
            LogRecords.SignedRequest("signed", TestCertificates.ClientSigning),
        ]);

        var found = MessageLogSearch.Search(file.Path, new RecordFilter());
        var message = MessageLogSearch.Message(file.Path, "signed");

        Assert.Equal([false, true], found.Select(f => f.IsSigned));
        Assert.All(found, f => Assert.Null(f.Logged.Record.Payload));
        Assert.All(found, f => Assert.Null(f.Logged.Record.Signature));
        Assert.NotNull(Assert.Single(message).Logged.Record.Signature);
        Assert.Null(message[0].Stamp);
    }

    [Fact]
    public void Search_OfAFileThatIsNoMessageLog_ThrowsMessageLogException()
    {
        var path = Path.Combine(Path.GetTempPath(), $"not-a-log-{Guid.NewGuid():N}.db");
        File.WriteAllText(path, "this is not an SQLite database, but long enough to be read as one's header");
        try
        {
            Assert.Throws<MessageLogException>(() => MessageLogSearch.Search(path, new RecordFilter()));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
