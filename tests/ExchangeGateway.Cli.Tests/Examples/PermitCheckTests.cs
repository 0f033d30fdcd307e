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

        var found = await RunAsync(resident.DocumentNumber, "--gateway", police, "--pki", pki);
        var missing = await RunAsync("ZZ0000000", "--gateway", police, "--pki", pki);
        var refused = await RunAsync(resident.DocumentNumber, "--gateway", migration, "--pki", pki);
        var noPki = await RunAsync(resident.DocumentNumber, "--pki", Path.Combine(folder.Path, "none"));
        var usage = await RunAsync(resident.DocumentNumber, "--gateway");
        var plain = await RunAsync(resident.DocumentNumber, "--gateway", "http://127.0.0.1:7111");
        var help = await RunAsync("--help");
        var cyrillic = await RunAsync("ДП538251028");
        var mismatched = Path.Combine(folder.Path, "mismatched");
        Directory.CreateDirectory(mismatched);
        File.Copy(Path.Combine(pki, "ca.pem"), Path.Combine(mismatched, "ca.pem"));
        File.Copy(Path.Combine(pki, "police-client.pem"), Path.Combine(mismatched, "police-client.pem"));
        File.Copy(Path.Combine(pki, "migration-client.key"), Path.Combine(mismatched, "police-client.key"));
        var wrongKey = await RunAsync(resident.DocumentNumber, "--gateway", police, "--pki", mismatched);

        Assert.Equal((0, ""), (found.Code, found.Errors));
        Assert.Contains($"permit {permit.PermitNumber} ", found.Output, StringComparison.Ordinal);
        Assert.Matches(new Regex("^xroad-message-id [0-9a-f-]{36}$", RegexOptions.Multiline), found.Output);
        Assert.Matches(new Regex("^xroad-request-hash [0-9a-f]{64}$", RegexOptions.Multiline), found.Output);
        Assert.Equal((1, ""), (missing.Code, missing.Output));
        Assert.StartsWith("NotFound: ", missing.Errors, StringComparison.Ordinal);
        Assert.Equal((1, ""), (refused.Code, refused.Output));
        Assert.Matches(new Regex(@"^\w+ [A-Z_]+ \(exchange-gateway/migration"), refused.Errors);
        Assert.Equal((2, ""), (noPki.Code, noPki.Output));
        Assert.Contains("cannot read the development PKI", noPki.Errors, StringComparison.Ordinal);
        Assert.Equal((2, ""), (usage.Code, usage.Output));
        Assert.StartsWith("--gateway takes a value\nusage: PermitCheck DOCUMENT-NUMBER", usage.Errors,
            StringComparison.Ordinal);
        Assert.Equal((2, ""), (plain.Code, plain.Output));
        Assert.StartsWith("the gateway's client endpoint is an https:// address, not 'http://127.0.0.1:7111'",
            plain.Errors, StringComparison.Ordinal);
        Assert.Equal((2, ""), (cyrillic.Code, cyrillic.Output));
        Assert.StartsWith("a document number is ASCII letters and digits, not 'ДП538251028'", cyrillic.Errors,
            StringComparison.Ordinal);
        Assert.Equal((2, ""), (wrongKey.Code, wrongKey.Output));
        Assert.StartsWith($"cannot read the development PKI in '{mismatched}'", wrongKey.Errors,
            StringComparison.Ordinal);
        Assert.Equal((0, ""), (help.Code, help.Errors));
        Assert.StartsWith("usage: PermitCheck DOCUMENT-NUMBER", help.Output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await PermitQuery.RunAsync(args, output, errors).WaitAsync(TimeSpan.FromSeconds(30));
        return (code, output.ToString(), errors.ToString());
    }
}
