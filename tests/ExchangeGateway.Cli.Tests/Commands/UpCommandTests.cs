using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ExchangeGateway.Cli.Tests.Commands;

public sealed class UpCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("exgw-up-");

    [Fact]
    public async Task PortInUse_IsNamedBeforeAnyFileIsWritten_AndExitsTwo()
    {
        using var held = new TcpListener(IPAddress.Loopback, 0);
        held.Start();
        var port = ((IPEndPoint)held.LocalEndpoint).Port;
        var settings = Path.Combine(_folder.FullName, "up", "migration", "gateway.json");
        Directory.CreateDirectory(Path.GetDirectoryName(settings)!);
        await File.WriteAllTextAsync(settings, "earlier");

        var (exitCode, output) = await Cli.RunAsync(
            "up", "--dir", _folder.FullName, "--base-port", (port - 1).ToString(CultureInfo.InvariantCulture));

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"Starting the demo federation in {Path.Combine(_folder.FullName, "up")}, on loopback " +
            $"ports {port} to {port + 89}", output, StringComparison.Ordinal);
        Assert.Contains($"port {port} on 127.0.0.1, for migration's client endpoint, cannot be opened", output,
            StringComparison.Ordinal);
        Assert.Equal("earlier", await File.ReadAllTextAsync(settings));
        Assert.False(File.Exists(Path.Combine(_folder.FullName, "up", "federation", "federation.json")));
    }

    [Theory]
    [InlineData("70000")]
    [InlineData("0")]
    [InlineData("seven")]
    public async Task BasePortOutOfRange_IsRefusedWithTheRange_BeforeAnythingStarts(string basePort)
    {
        var (exitCode, output) = await Cli.RunAsync("up", "--dir", _folder.FullName, "--base-port", basePort);

        Assert.Equal(2, exitCode);
        Assert.Contains($"--base-port '{basePort}': expected a whole number from 1 to 65445", output,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Starting the demo federation", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder.FullName, "up")));
    }

    [Fact]
    public async Task FolderOfARunningFederation_IsRefusedBeforeAnyFileIsWritten_AndExitsTwo()
    {
        // Another up (or demo) from the same folder holds its lock: a second one must leave its files alone, though
        // its ports are others.
        var settings = Path.Combine(_folder.FullName, "up", "migration", "gateway.json");
        Directory.CreateDirectory(Path.GetDirectoryName(settings)!);
        await File.WriteAllTextAsync(settings, "earlier");
        var lockFile = Path.Combine(_folder.FullName, "up", "exgw.lock");
        await using (new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var (exitCode, output) = await Cli.RunAsync("up", "--dir", _folder.FullName, "--base-port", "7300");

            Assert.Equal(2, exitCode);
            Assert.Contains($"another exgw up or demo runs from {Path.Combine(_folder.FullName, "up")}; stop it " +
                "first, or give another --dir", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Starting the demo federation", output, StringComparison.Ordinal);
        }

        Assert.Equal("earlier", await File.ReadAllTextAsync(settings));
        Assert.False(Directory.Exists(Path.Combine(_folder.FullName, "up", "pki")));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
