using ExchangeGateway.Cli.Demo;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExchangeGateway.Cli.Tests.Commands;

/// <summary><c>exgw archive</c> and <c>exgw verify</c> as an administrator and an auditor run them, on a demo
/// federation's files.</summary>
public sealed class ArchiveCommandTests
{
    [Fact]
    public async Task ArchiveThenVerify_HealthyArchivesPass_ATruncatedOneFailsNamingIt()
    {
        var directory = Path.Combine(Path.GetTempPath(), "exgw-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var federation = await DemoFederation.StartAsync(directory, null,
                             NullLoggerFactory.Instance, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2)))
            {
                var output = new StringWriter();
                Assert.True(await new DemoRun(federation, output).RunAsync(CancellationToken.None)
                    .WaitAsync(TimeSpan.FromMinutes(2)), output.ToString());
            }

            var config = Path.Combine(directory, "police", "gateway.json");
            var anchor = Path.Combine(directory, "pki", "authority.pem");
            var archives = Path.Combine(directory, "police", "archives");

            var (rerun, rerunText) = await RunAsync("archive", "--config", config);
            var (healthy, healthyText) = await RunAsync("verify", archives, "--anchor", anchor);
            var file = Directory.GetFiles(archives, "*.zip").Single();
            var bytes = await File.ReadAllBytesAsync(file);
            await File.WriteAllBytesAsync(file, bytes[..(bytes.Length - 100)]);
            var (broken, brokenText) = await RunAsync("verify", archives, "--anchor", anchor);
            var (missing, _) = await RunAsync("verify", Path.Combine(directory, "nothing.zip"), "--anchor", anchor);

            Assert.Equal(0, rerun);
            Assert.Contains("nothing to archive", rerunText, StringComparison.Ordinal);
            Assert.Equal(0, healthy);
            Assert.Contains("verified 1 archive(s) of police-gw (MD/GOV/1006601000101)", healthyText,
                StringComparison.Ordinal);
            Assert.Equal(1, broken);
            Assert.Contains($"FAILED after 0 records in 0 good archive(s): archive {Path.GetFileName(file)}: " +
                "is not a complete ZIP file (truncated?)", brokenText, StringComparison.Ordinal);
            Assert.Equal(2, missing);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var (oldOut, oldError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exitCode = await Program.Main(args).WaitAsync(TimeSpan.FromMinutes(2));
            return (exitCode, output.ToString() + error);
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }
}
