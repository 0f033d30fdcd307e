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
}
