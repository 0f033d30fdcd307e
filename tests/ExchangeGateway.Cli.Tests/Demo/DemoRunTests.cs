using ExchangeGateway.Cli.Demo;

namespace ExchangeGateway.Cli.Tests.Demo;

public sealed class DemoRunTests
{
    [Fact]
    public async Task Demo_RunsEveryScenarioWithItsExpectedOutcome_AndVerifiesEveryLog()
    {
        using var folder = new DemoFolder();
        await using var federation = await folder.StartAsync();
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

    [Fact]
    public async Task Demo_RunTwiceOnOneFolder_KeepsThePkiAndExtendsTheLogs()
    {
        using var folder = new DemoFolder();
        for (var run = 0; run < 2; run++)
        {
            await using var federation = await folder.StartAsync();
            var output = new StringWriter();
            Assert.True(await new DemoRun(federation, output).RunAsync(CancellationToken.None)
                .WaitAsync(TimeSpan.FromMinutes(2)), output.ToString());
        }

        var records = ExchangeGateway.Core.MessageLog.SqliteMessageLog
            .ReadFile(Path.Combine(folder.Path, "police", "messagelog.db")).ToList();
        Assert.Equal(records.Count, records.Last().Sequence);
        Assert.True(records.Count >= 20);
    }
}
