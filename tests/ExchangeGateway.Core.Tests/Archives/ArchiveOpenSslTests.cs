using System.IO.Compression;
using System.Text.Json.Nodes;
using ExchangeGateway.Core.Tests.Support;

namespace ExchangeGateway.Core.Tests.Archives;

/// <summary>The commands of an archive's VERIFY.txt, run with OpenSSL on the unzipped files.</summary>
public sealed class ArchiveOpenSslTests
{
    [OpenSslFact]
    public async Task VerifyTxtCommands_OnAnUnzippedArchive_Succeed()
    {
        await using var log = new StampedLog();
        await log.AddStampedAsync(runs: 1, size: 3);
        var path = Assert.Single(log.ArchiveAll());
        using var folder = new TempDirectory();
        ZipFile.ExtractToDirectory(path, folder.Path);
        File.WriteAllText(folder.File("anchor.pem"), TestCertificates.ConfigurationAnchor.ExportCertificatePem());
        var root = JsonNode.Parse(File.ReadAllLines(folder.File("stamps.jsonl"))[0])!["root"]!.GetValue<string>();

        var manifest = await OpenSsl.RunAsync("cms", "-verify", "-binary", "-inform", "DER",
            "-in", folder.File("manifest.json.p7s"), "-content", folder.File("manifest.json"),
            "-CAfile", folder.File("certificates.pem"), "-purpose", "any", "-out", "/dev/null",
            "-signer", folder.File("signer.pem"));
        var signer = await OpenSsl.RunAsync("x509", "-in", folder.File("signer.pem"), "-noout", "-fingerprint",
            "-sha256");
        var federation = await OpenSsl.RunAsync("cms", "-verify", "-binary", "-inform", "DER",
            "-in", folder.File("federation.json.p7s"), "-content", folder.File("federation.json"),
            "-CAfile", folder.File("anchor.pem"), "-partial_chain", "-purpose", "any", "-out", "/dev/null");
        var token = await OpenSsl.RunAsync("ts", "-verify", "-token_in", "-in", folder.File("stamps/000000001.tsr"),
            "-digest", root, "-CAfile", folder.File("certificates.pem"));
        var tsaCertificate = await OpenSsl.RunAsync("pkcs7", "-inform", "DER", "-in",
            folder.File("stamps/000000001.tsr"), "-print_certs", "-out", folder.File("tsa.pem"));
        var tsa = await OpenSsl.RunAsync("x509", "-in", folder.File("tsa.pem"), "-noout", "-fingerprint", "-sha256");

        Assert.True(manifest.ExitCode == 0, manifest.Output);
        Assert.True(federation.ExitCode == 0, federation.Output);
        Assert.True(token.ExitCode == 0, token.Output);
        Assert.Contains("Verification: OK", token.Output, StringComparison.Ordinal);
        Assert.True(tsaCertificate.ExitCode == 0, tsaCertificate.Output);

        // The text VERIFY.txt has the auditor compare: each signer's SHA-256 where federation.json registers it.
        var document = JsonNode.Parse(File.ReadAllText(folder.File("federation.json")))!;
        var members = document["members"]!.AsArray().SelectMany(m => m!["signingCertificates"]!.AsArray())
            .Select(f => f!.GetValue<string>());
        var authorities = document["timestampingAuthorities"]!.AsArray()
            .SelectMany(a => a!["certificates"]!.AsArray()).Select(f => f!.GetValue<string>());
        Assert.Contains(Fingerprint(signer.Output), members);
        Assert.Contains(Fingerprint(tsa.Output), authorities);
        Assert.Equal(document["certificateAuthorities"]!.AsArray().Select(c => c!.GetValue<string>().Trim()),
            [File.ReadAllText(folder.File("certificates.pem")).Trim()]);
    }

    /// <summary>OpenSSL's <c>sha256 Fingerprint=AB:CD:...</c> as federation.json writes it: lower case, no
    /// colons.</summary>
    private static string Fingerprint(string output) =>
        output.Trim().Split('=')[1].Replace(":", "", StringComparison.Ordinal).ToLowerInvariant();

    [OpenSslFact]
    public async Task ManifestEdited_FailsOpenSslToo()
    {
        await using var log = new StampedLog();
        await log.AddStampedAsync(runs: 1, size: 1);
        var path = Assert.Single(log.ArchiveAll());
        using var folder = new TempDirectory();
        ZipFile.ExtractToDirectory(path, folder.Path);
        var manifest = File.ReadAllText(folder.File("manifest.json"));
        File.WriteAllText(folder.File("manifest.json"), manifest.Replace("\"records\": 1", "\"records\": 2",
            StringComparison.Ordinal));

        var result = await OpenSsl.RunAsync("cms", "-verify", "-binary", "-inform", "DER",
            "-in", folder.File("manifest.json.p7s"), "-content", folder.File("manifest.json"),
            "-CAfile", folder.File("certificates.pem"), "-purpose", "any", "-out", "/dev/null");

        Assert.NotEqual(manifest, File.ReadAllText(folder.File("manifest.json")));
        Assert.NotEqual(0, result.ExitCode);
    }
}
