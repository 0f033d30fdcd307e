using ExchangeGateway.Cli.Demo;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExchangeGateway.Cli.Tests.Demo;

public sealed class DemoRunTests
{
    [Fact]
    public async Task Demo_RunsEveryScenarioWithItsExpectedOutcome_AndVerifiesEveryLog()
    {
        var directory = Path.Combine(Path.GetTempPath(), "exgw-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var federation = await DemoFederation.StartAsync(directory, null, NullLoggerFactory.Instance,
                CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));
            var output = new StringWriter();

            var passed = await new DemoRun(federation, output).RunAsync(CancellationToken.None)
                .WaitAsync(TimeSpan.FromMinutes(2));

            Assert.True(passed, output.ToString());
            var text = output.ToString();
            Assert.Contains("PERMISSION_DENIED ACCESS_DENIED", text, StringComparison.Ordinal);
            Assert.Contains("INVALID_ARGUMENT BAD_IDENTIFIER", text, StringComparison.Ordinal);
            Assert.Contains("NOT_FOUND UNKNOWN_SERVICE", text, StringComparison.Ordinal);
            Assert.Equal(3, text.Split("signatures verified").Length - 1);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Demo_RunTwiceOnOneFolder_KeepsThePkiAndExtendsTheLogs()
    {
        var directory = Path.Combine(Path.GetTempPath(), "exgw-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            for (var run = 0; run < 2; run++)
            {
                await using var federation = await DemoFederation.StartAsync(directory, null,
                    NullLoggerFactory.Instance, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));
                var output = new StringWriter();
                Assert.True(await new DemoRun(federation, output).RunAsync(CancellationToken.None)
                    .WaitAsync(TimeSpan.FromMinutes(2)), output.ToString());
            }

            var records = ExchangeGateway.Core.MessageLog.SqliteMessageLog
                .ReadFile(Path.Combine(directory, "police", "messagelog.db")).ToList();
            Assert.Equal(records.Count, records.Last().Sequence);
            Assert.True(records.Count >= 20);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
