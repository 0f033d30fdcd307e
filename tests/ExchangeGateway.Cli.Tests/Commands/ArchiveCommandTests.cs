using ExchangeGateway.Cli.Demo;

namespace ExchangeGateway.Cli.Tests.Commands;

/// <summary><c>exgw archive</c> and <c>exgw verify</c> as an administrator and an auditor run them, on a demo
/// federation's files.</summary>
public sealed class ArchiveCommandTests
{
    [Fact]
    public async Task ArchiveThenVerify_HealthyArchivesPass_ATruncatedOneFailsNamingIt()
    {
        using var folder = new DemoFolder();
        var directory = folder.Path;
        await using (var federation = await folder.StartAsync())
        {
            var output = new StringWriter();
            Assert.True(await new DemoRun(federation, output).RunAsync(CancellationToken.None)
                .WaitAsync(TimeSpan.FromMinutes(2)), output.ToString());
        }

        var config = Path.Combine(directory, "police", "gateway.json");
        var anchor = Path.Combine(directory, "pki", "authority.pem");
        var archives = Path.Combine(directory, "police", "archives");

        var (rerun, rerunText) = await Cli.RunAsync("archive", "--config", config);
        var (healthy, healthyText) = await Cli.RunAsync("verify", archives, "--anchor", anchor);
        var file = Directory.GetFiles(archives, "*.zip").Single();
        var bytes = await File.ReadAllBytesAsync(file);
        await File.WriteAllBytesAsync(file, bytes[..(bytes.Length - 100)]);
        var (broken, brokenText) = await Cli.RunAsync("verify", archives, "--anchor", anchor);
        var (missing, _) = await Cli.RunAsync("verify", Path.Combine(directory, "nothing.zip"), "--anchor", anchor);

        Assert.Equal(0, rerun);
        Assert.Contains("nothing to archive", rerunText, StringComparison.Ordinal);
        Assert.Equal(0, healthy);
        Assert.Contains("verified 1 archive(s) of police-gw (MD/GOV/1006601000101)", healthyText,
            StringComparison.Ordinal);
        Assert.Equal(1, broken);
        Assert.Contains($"FAILED after 0 records in 0 good archive(s): archive {Path.GetFileName(file)}: " +
            "is not a readable ZIP file (truncated or damaged?)", brokenText, StringComparison.Ordinal);
        Assert.Equal(2, missing);
    }

    [Fact]
    public async Task ReportSubject_WhenAPurgedArchiveIsGone_SaysTheReportIsIncomplete_AndEvidenceSaysWhereToLook()
    {
        using var folder = new DemoFolder();
        string subject;
        await using (var federation = await folder.StartAsync())
        {
            var output = new StringWriter();
            Assert.True(await new DemoRun(federation, output).RunAsync(CancellationToken.None)
                .WaitAsync(TimeSpan.FromMinutes(2)), output.ToString());
            subject = DemoScenarios.For(federation.Population)[0].Subject;
        }

        // The demo archived the police log; its rows are marked purged as a purge marks them, and the file is moved.
        var config = Path.Combine(folder.Path, "police", "gateway.json");
        var log = Path.Combine(folder.Path, "police", "messagelog.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={log};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE archives SET purged_at = 1";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        var (whole, wholeText) = await Cli.RunAsync("report", "subject", subject, "--gateway", config);
        var (unknown, unknownText) = await Cli.RunAsync("evidence", "export", "--db", log, "--federation",
            Path.Combine(folder.Path, "federation", "federation.json"), "--anchor",
            Path.Combine(folder.Path, "pki", "authority.pem"), "--message-id", "not-in-this-log",
            "--out", Path.Combine(folder.Path, "evidence-none"));
        var archive = Directory.GetFiles(Path.Combine(folder.Path, "police", "archives"), "*.zip").Single();
        File.Move(archive, archive + ".elsewhere");
        var (partial, partialText) = await Cli.RunAsync("report", "subject", subject, "--gateway", config);

        Assert.Equal(1, unknown);
        Assert.Contains("no record of message 'not-in-this-log' in this log; records 1-", unknownText,
            StringComparison.Ordinal);
        Assert.Contains("were archived and purged from it (the last in ", unknownText, StringComparison.Ordinal);
        Assert.Equal(0, whole);
        Assert.DoesNotContain("incomplete", wholeText, StringComparison.Ordinal);
        Assert.Equal(1, partial);
        Assert.Contains($"incomplete: {Path.GetFileName(archive)} (records 1-", partialText, StringComparison.Ordinal);
        Assert.Contains("purged from police-gw's log) is not in ", partialText, StringComparison.Ordinal);
        Assert.Contains("the report is incomplete: 1 purged archive(s) not found (above)", partialText,
            StringComparison.Ordinal);
    }
}
