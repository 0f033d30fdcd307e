extern alias PermitCheck;

using System.Text.RegularExpressions;
using ExchangeGateway.Cli.Demo;
using PermitQuery = PermitCheck::PermitCheck.PermitQuery;

namespace ExchangeGateway.Cli.Tests.Examples;

/// <summary>The README's example agency system, run against a demo federation on loopback.</summary>
public sealed class PermitCheckTests
{
    [Fact]
    public async Task PermitCheck_PrintsThePermitWithItsEvidenceIds_ThePassedThroughStatus_OrTheGatewaysReason()
    {
        using var folder = new DemoFolder();
        await using var federation = await folder.StartAsync();
        var resident = federation.Population.FirstWithPermit();
        Assert.Equal("538251028", resident.DocumentNumber); // the document number the README's example names
        var permit = federation.Population.FindPermit(resident.DocumentNumber)!;
        var police = federation.Gateways[DemoAgencies.Police].ClientAddress.ToString();
        var migration = federation.Gateways[DemoAgencies.Migration].ClientAddress.ToString();
        var pki = federation.Pki.Directory;

        var (found, foundText) = await RunAsync(resident.DocumentNumber, "--gateway", police, "--pki", pki);
        var (missing, missingText) = await RunAsync("ZZ0000000", "--gateway", police, "--pki", pki);
        var (refused, refusedText) = await RunAsync(resident.DocumentNumber, "--gateway", migration, "--pki", pki);
        var (noPki, noPkiText) = await RunAsync(resident.DocumentNumber, "--pki", Path.Combine(folder.Path, "none"));
        var (usage, usageText) = await RunAsync(resident.DocumentNumber, "--gateway");
        var (plain, plainText) = await RunAsync(resident.DocumentNumber, "--gateway", "http://127.0.0.1:7111");
        var (help, helpText) = await RunAsync("--help");

        Assert.Equal(0, found);
        Assert.Contains($"permit {permit.PermitNumber} ", foundText, StringComparison.Ordinal);
        Assert.Matches(new Regex("^xroad-message-id [0-9a-f-]{36}$", RegexOptions.Multiline), foundText);
        Assert.Matches(new Regex("^xroad-request-hash [0-9a-f]{64}$", RegexOptions.Multiline), foundText);
        Assert.Equal(1, missing);
        Assert.StartsWith("NotFound: ", missingText, StringComparison.Ordinal);
        Assert.Equal(1, refused);
        Assert.Matches(new Regex(@"^\w+ [A-Z_]+ \(exchange-gateway/migration"), refusedText);
        Assert.Equal(2, noPki);
        Assert.Contains("cannot read the development PKI", noPkiText, StringComparison.Ordinal);
        Assert.Equal(2, usage);
        Assert.StartsWith("--gateway takes a value\nusage: PermitCheck DOCUMENT-NUMBER", usageText,
            StringComparison.Ordinal);
        Assert.Equal(2, plain);
        Assert.StartsWith("the gateway's client endpoint is an https:// address, not 'http://127.0.0.1:7111'",
            plainText, StringComparison.Ordinal);
        Assert.Equal(0, help);
        Assert.StartsWith("usage: PermitCheck DOCUMENT-NUMBER", helpText, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var code = await PermitQuery.RunAsync(args, output).WaitAsync(TimeSpan.FromSeconds(30));
        return (code, output.ToString());
    }
}
