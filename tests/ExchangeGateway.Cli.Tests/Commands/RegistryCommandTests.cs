using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ExchangeGateway.Cli.Commands;
using ExchangeGateway.Cli.Demo;
using ExchangeGateway.Registries.Data;
using ExchangeGateway.Registries.Migration.V1;
using Grpc.Net.Client;

namespace ExchangeGateway.Cli.Tests.Commands;

/// <summary><c>exgw registry</c>: one demo registry alone, answering from the population up and demo answer
/// from, until asked to stop.</summary>
public sealed partial class RegistryCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("exgw-registry-");

    [Fact]
    public async Task Run_AnswersFromUpsPopulation_UntilStopped_ThenSaysItStopped()
    {
        var output = new StringWriter();
        var console = TextWriter.Synchronized(output);
        var oldOut = Console.Out;
        Console.SetOut(console);
        using var stop = new CancellationTokenSource();
        int exitCode;
        string document;
        string answered;
        try
        {
            var run = RegistryCommand.RunAsync(DemoAgencies.Migration, 0, _folder, stop.Token);
            var address = await AddressPrintedAsync(output, run);
            using var channel = GrpcChannel.ForAddress(address);
            document = Population.Generate().Persons[0].DocumentNumber;
            var foreigner = await new Foreigners.ForeignersClient(channel).GetForeignerAsync(
                new GetForeignerRequest { DocumentNumber = document }, deadline: DateTime.UtcNow.AddSeconds(30));
            answered = foreigner.DocumentNumber;
            await stop.CancelAsync();
            exitCode = await run.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            Console.SetOut(oldOut);
        }

        Assert.Equal(0, exitCode);
        Assert.Equal(document, answered);
        var lines = output.ToString().Split(Environment.NewLine);
        Assert.Contains("  services migration.v1.Foreigners, migration.v1.ResidencePermits", lines);
        Assert.Equal("migration-registry: stopped", lines.Last(l => l.Length > 0));
        Assert.True(File.Exists(Path.Combine(_folder.FullName, "migration-registry", "logs", "exgw.log.json")));
    }

    [Fact]
    public async Task Run_PortInUse_IsNamed_AndExitsTwo()
    {
        using var held = new TcpListener(IPAddress.Loopback, 0);
        held.Start();
        var port = ((IPEndPoint)held.LocalEndpoint).Port;

        var (exitCode, output) = await Cli.RunAsync(
            "registry", "police", "--port", port.ToString(CultureInfo.InvariantCulture), "--dir", _folder.FullName);

        Assert.Equal(2, exitCode);
        Assert.Contains(
            $"police-registry: port {port} on 127.0.0.1 cannot be opened", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownAgency_NamesTheAgencies_AndExitsTwo()
    {
        var (exitCode, output) = await Cli.RunAsync("registry", "customs", "--dir", _folder.FullName);

        Assert.Equal(2, exitCode);
        Assert.Contains("'foreign-affairs'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultPorts_AreThoseUpGivesTheRegistries_AsTheHelpSaysThem()
    {
        var ports = DemoAgencies.All.Select(a => DemoFederation.PortsOf(a, UpCommand.BasePort).Registry);

        Assert.Equal([7103, 7113, 7123], ports);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static async Task<Uri> AddressPrintedAsync(StringWriter output, Task<int> run)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until && !run.IsCompleted)
        {
            if (Address().Match(output.ToString()) is { Success: true } match)
            {
                return new Uri(match.Groups[1].Value);
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"no address printed: {output}");
    }

    [GeneratedRegex(@"^Registry of .+: (http://127\.0\.0\.1:\d+/)", RegexOptions.Multiline)]
    private static partial Regex Address();
}
