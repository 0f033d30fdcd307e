using System.CommandLine;
using ExchangeGateway.Cli.Commands;

namespace ExchangeGateway.Cli.Tests.Commands;

/// <summary>
/// <c>exgw audit</c> options refused before anything is sent, each in one line with exit code 2. No server is
/// needed: the address given is never called.
/// </summary>
public sealed class AuditCommandTests : IDisposable
{
    private const string Unused = "https://127.0.0.1:9";

    private readonly string _directory = Directory.CreateTempSubdirectory("exgw-audit-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("99999999999")]
    [InlineData("many")]
    public async Task Search_MaxNotAWholeNumberFromOne_IsRefusedWithTheRange(string max)
    {
        // As exgw runs it: a usage error exits 2.
        var (exitCode, output) = await Cli.RunAsync(["audit", "search", "--max", max, .. Connection()]);

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"exgw: --max '{max}': expected a whole number from 1 to 2147483647", output,
            StringComparison.Ordinal);
        Assert.DoesNotContain("System.", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--subject")]
    [InlineData("--client")]
    [InlineData("--issue")]
    public async Task Search_EmptyFilterGivenExplicitly_IsRefused(string option)
    {
        var run = await RunAsync(["search", option, "", .. Connection()]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{option}: must not be empty (leave it out to match any)", run.Error.TrimEnd());
    }

    [Theory]
    [InlineData("--from", "yesterday")]
    [InlineData("--to", "2026-12-04T10:00:00")]
    public async Task Search_TimeNotIso8601Utc_SaysWhatIsExpected(string option, string value)
    {
        var run = await RunAsync(["search", option, value, .. Connection()]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains($"{option} '{value}': expected an ISO 8601 time in UTC, e.g. 2026-12-04T10:00:00Z",
            run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Nullable", run.Error, StringComparison.Ordinal);
        Assert.Equal(value.Contains('T', StringComparison.Ordinal),
            run.Error.Contains("this one has no time zone: add Z, or an offset such as +02:00",
                StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_FromNotBeforeTo_IsRefused()
    {
        var run = await RunAsync(
            ["search", "--from", "2026-12-04", "--to", "2026-12-03T23:00+02:00", .. Connection()]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("--from: must be before --to", run.Error.TrimEnd());
    }

    [Fact]
    public async Task Evidence_IntoANonEmptyFolder_IsRefused_AndTheFolderKept()
    {
        var folder = Path.Combine(_directory, "evidence");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "VERIFY.txt"), "earlier");

        var run = await RunAsync(["evidence", "--message-id", "m-1", "--out", folder,
            "--anchor", Path.Combine(_directory, "anchor.unused.pem"), .. Connection()]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"--out {folder} exists and is not empty; choose a new or empty folder", run.Error.TrimEnd());
        Assert.Equal("earlier", await File.ReadAllTextAsync(Path.Combine(folder, "VERIFY.txt")));
    }

    [Fact]
    public async Task Archive_OutWithoutName_IsRefused_InsteadOfListing()
    {
        var run = await RunAsync(["archive", "--out", Path.Combine(_directory, "x.zip"), .. Connection()]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("--out: give --name too (without --name the archives are only listed)", run.Error.TrimEnd());
    }

    [Fact]
    public async Task Archive_OutThatExists_IsRefusedBeforeDownloading()
    {
        var file = Path.Combine(_directory, "x.zip");
        await File.WriteAllTextAsync(file, "earlier");

        var run = await RunAsync(["archive", "--name", "x.zip", "--out", file, .. Connection()]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{file} exists; choose another --out or remove it", run.Error.TrimEnd());
    }

    [Fact]
    public async Task Call_WithAnEmptyKeyFile_IsRefusedLocally()
    {
        var key = Path.Combine(_directory, "empty.key");
        await File.WriteAllTextAsync(key, "\n");

        var run = await RunAsync(["archive", .. Connection(key)]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"key file {key} is empty", run.Error.TrimEnd());
    }

    [Fact]
    public async Task Key_OutThatExists_IsRefused_AndTheFileKept()
    {
        var file = Path.Combine(_directory, "auditor.key");
        await File.WriteAllTextAsync(file, "earlier");

        var run = await RunAsync(["key", "--name", "auditor-1", "--role", "auditor", "--out", file]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{file} exists; choose another --out or remove it", run.Error.TrimEnd());
        Assert.Equal("earlier", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task Key_WithOut_WritesTheKeyOnly_AndPrintsItsSettingsEntry()
    {
        var file = Path.Combine(_directory, "auditor.key");

        var run = await RunAsync(["key", "--name", "auditor-1", "--role", "observer", "--out", file]);

        Assert.Equal(0, run.ExitCode);
        var key = (await File.ReadAllTextAsync(file)).Trim();
        var hash = Convert.ToHexStringLower(Host.Configuration.AuditKey.HashOf(key));
        Assert.Contains($"{{\"name\":\"auditor-1\",\"role\":\"observer\",\"sha256\":\"{hash}\"}}", run.Output,
            StringComparison.Ordinal);
        Assert.DoesNotContain(key, run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("search")]
    [InlineData("evidence")]
    [InlineData("archive")]
    public async Task Help_OfEveryCall_GivesTheExitCodes(string command)
    {
        var run = await RunAsync([command, "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Exit code 0: done; 1: the gateway refused the call", run.Output, StringComparison.Ordinal);
    }

    /// <summary>Runs <c>exgw audit ARGS</c> with its own output and error writers (the console is left alone, so
    /// tests may run side by side).</summary>
    internal static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args)
    {
        var configuration = new InvocationConfiguration
        {
            EnableDefaultExceptionHandler = false,
            Output = new StringWriter(),
            Error = new StringWriter(),
        };
        var root = new RootCommand("exgw") { AuditCommand.Create() };
        var exitCode = await root.Parse(["audit", .. args]).InvokeAsync(configuration)
            .WaitAsync(TimeSpan.FromMinutes(1));
        return (exitCode, configuration.Output.ToString()!, configuration.Error.ToString()!);
    }

    private string[] Connection(string? keyFile = null)
    {
        var key = keyFile ?? Path.Combine(_directory, "auditor.key.unused");
        var ca = Path.Combine(_directory, "ca.unused.pem");
        return ["--address", Unused, "--key-file", key, "--ca", ca];
    }
}
