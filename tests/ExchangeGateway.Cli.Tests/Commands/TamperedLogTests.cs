using ExchangeGateway.Cli.Demo;
using Microsoft.Data.Sqlite;

namespace ExchangeGateway.Cli.Tests.Commands;

/// <summary>The auditor's offline commands on a copy of a demo log that a hand edit changed: a failed check that
/// names the record, never a crash.</summary>
public sealed class TamperedLogTests
{
    [Fact]
    public async Task BlobColumnGivenText_VerifyLogNamesTheRecord_AndEvidenceExportSaysItChanged_ItAlone()
    {
        using var folder = new DemoFolder();
        string federationPath, anchor;
        await using (var federation = await folder.StartAsync())
        {
            var output = new StringWriter();
            Assert.True(await new DemoRun(federation, output).RunAsync(CancellationToken.None)
                .WaitAsync(TimeSpan.FromMinutes(2)), output.ToString());
            federationPath = federation.FederationDocumentPath;
            anchor = Path.Combine(federation.Pki.Directory, "authority.pem");
        }

        var log = Path.Combine(folder.Path, "police", "messagelog.db");
        var copy = Path.Combine(folder.Path, "tampered.db");
        var messageId = Tamper(log, copy, "UPDATE records SET envelope = 'abc' WHERE seq = 3");
        var (untouched, untouchedText) = await Cli.RunAsync("evidence", "export", "--db", log,
            "--federation", federationPath, "--anchor", anchor, "--message-id", messageId,
            "--out", Path.Combine(folder.Path, "evidence-untouched"));

        var (verified, verifyText) = await Cli.RunAsync(
            "verify-log", "--db", copy, "--federation", federationPath, "--anchor", anchor);
        var (exported, exportText) = await Cli.RunAsync("evidence", "export", "--db", copy,
            "--federation", federationPath, "--anchor", anchor, "--message-id", messageId,
            "--out", Path.Combine(folder.Path, "evidence-out"));

        Assert.Equal(1, verified);
        Assert.Equal($"FAILED after 2 records: record 3 (message {messageId}): record hash does not match its fields",
            verifyText.Trim());
        Assert.Equal(1, exported);
        Assert.Single(exportText.Split('\n'), line => line.Contains("record hash", StringComparison.Ordinal));
        Assert.Contains($"record 3 (message {messageId}): record hash does not match its fields", exportText,
            StringComparison.Ordinal);
        Assert.Equal(0, untouched);
        Assert.DoesNotContain("record hash", untouchedText, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder.Path, "evidence-out", "VERIFY.txt")));
    }

    /// <summary>Copies <paramref name="log"/> to <paramref name="copy"/>, drops the trigger that refuses updates
    /// and runs <paramref name="edit"/> there; returns the message id of record 3.</summary>
    private static string Tamper(string log, string copy, string edit)
    {
        using (var source = new SqliteConnection($"Data Source={log};Mode=ReadOnly;Pooling=False"))
        using (var target = new SqliteConnection($"Data Source={copy};Pooling=False"))
        {
            source.Open();
            target.Open();
            source.BackupDatabase(target);
        }

        using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DROP TRIGGER records_no_update; " + edit + "; " +
            "SELECT message_id FROM records WHERE seq = 3";
        return (string)command.ExecuteScalar()!;
    }
}
