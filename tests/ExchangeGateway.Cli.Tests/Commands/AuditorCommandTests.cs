using ExchangeGateway.Core.MessageLog;

namespace ExchangeGateway.Cli.Tests.Commands;

/// <summary>The auditor's commands given wrong paths and wrong files: one line, exit 2, and nothing created.</summary>
public sealed class AuditorCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("exgw-auditor-");

    [Fact]
    public async Task ReportSubject_WithoutTheGatewaysSubjectKey_RefusesAndMakesNoKey()
    {
        var log = Path.Combine(_folder.FullName, "messagelog.db");
        await SqliteMessageLog.Open(log).DisposeAsync();
        var config = Path.Combine(_folder.FullName, "gateway.json");
        await File.WriteAllTextAsync(config,
            """{ "name": "police-gw", "messageLog": "messagelog.db", "subjectKey": "typo.key" }""");

        var (exitCode, output) = await Cli.RunAsync("report", "subject", "538251028", "--gateway", config);

        Assert.Equal(2, exitCode);
        Assert.Contains("typo.key: no such subject key", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder.FullName, "typo.key")));
    }

    [Fact]
    public async Task EvidenceExport_MissingDatabase_RefusesAndCreatesNothing()
    {
        var missing = Path.Combine(_folder.FullName, "nope.db");
        var anchor = Path.Combine(_folder.FullName, "anchor.pem");
        await File.WriteAllTextAsync(anchor, "not a certificate");

        var (noAnchor, anchorText) = await Cli.RunAsync("evidence", "export", "--db", missing, "--federation",
            Path.Combine(_folder.FullName, "federation.json"), "--anchor", anchor, "--message-id", "m",
            "--out", Path.Combine(_folder.FullName, "out"));
        var (noDb, dbText) = await Cli.RunAsync("verify-log", "--db", missing, "--federation",
            Path.Combine(_folder.FullName, "federation.json"), "--anchor", anchor);

        Assert.Equal(2, noAnchor);
        Assert.Contains("the file holds no certificate", anchorText, StringComparison.Ordinal);
        Assert.Equal(2, noDb);
        Assert.False(File.Exists(missing));
        Assert.Contains($"{missing}: no such message log", dbText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyLog_FileThatIsNoDatabase_SaysSo()
    {
        var notDb = Path.Combine(_folder.FullName, "notes.db");
        await File.WriteAllTextAsync(notDb, "hello");

        var (exitCode, output) = await Cli.RunAsync("verify-log", "--db", notDb, "--federation", notDb,
            "--anchor", notDb);

        Assert.Equal(2, exitCode);
        Assert.Contains("not a message log (not an SQLite database)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsageError_ExitsTwo_WithOneLineAndWhereTheHelpIs()
    {
        var (exitCode, output) = await Cli.RunAsync("verify", "x.zip");

        Assert.Equal(2, exitCode);
        Assert.Equal(["exgw: Option '--anchor' is required.", "(exgw verify --help shows the usage)"],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task MisspelledCommand_IsNamedAsUnrecognised_NotAsMissing()
    {
        var (exitCode, output) = await Cli.RunAsync("verifiy", "archives");

        Assert.Equal(2, exitCode);
        Assert.Contains("exgw: Unrecognized command or argument 'verifiy'.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Required command was not provided", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportSubject_SettingsInAMissingFolder_IsNoSuchFile()
    {
        var config = Path.Combine(_folder.FullName, "missing", "gateway.json");

        var (exitCode, output) = await Cli.RunAsync("report", "subject", "1", "--gateway", config);

        Assert.Equal(2, exitCode);
        Assert.Equal($"{config}: no such file", output.Trim());
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
