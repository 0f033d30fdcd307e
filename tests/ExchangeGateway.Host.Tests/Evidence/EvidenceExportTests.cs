using ExchangeGateway.Core.Evidence;
using ExchangeGateway.Host.Tests.Support;
using ExchangeGateway.Testing.V1;
using Google.Protobuf;

namespace ExchangeGateway.Host.Tests.Evidence;

public sealed class EvidenceExportTests
{
    [Fact]
    public async Task ExportedSignatures_OfRequestAndResponse_AreAcceptedByOpenSsl()
    {
        Assert.True(OpenSsl.IsAvailable, "openssl must be on PATH (.ci/run installs it)");
        await using var federation = await TestFederation.StartAsync();
        var id = await CallAsync(federation, "evidence", "e");
        var folder = Path.Combine(federation.Directory, "evidence");

        var files = EvidenceExport.Write(federation.Consumer.MessageLog, id,
            federation.Consumer.Federation.CurrentSigned!, folder);

        Assert.Contains(files, f => f.EndsWith("VERIFY.txt", StringComparison.Ordinal));
        var signatures = files.Where(f => f.EndsWith(".signature.p7s", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, signatures.Count);
        foreach (var signature in signatures)
        {
            var name = Path.GetFileName(signature)[..^".signature.p7s".Length];
            var (code, output) = OpenSsl.Run(folder, $"cms -verify -binary -inform DER -in {name}.signature.p7s " +
                $"-content {name}.signed.der -CAfile ca.pem -purpose any -out /dev/null");
            Assert.True(code == 0, output);
        }
    }

    [Fact]
    public async Task VerifyText_EveryOpenSslCommandAsWritten_PassesInAShell()
    {
        Assert.True(OpenSsl.IsAvailable, "openssl must be on PATH (.ci/run installs it)");
        await using var federation = await TestFederation.StartAsync(timestamping: true);
        var (folder, files) = await StampAndExportAsync(federation, federation.Consumer, "verify-text");

        // The reader's own copy of the authority's certificate, which VERIFY.txt names ANCHOR.pem.
        var anchor = federation.Pki.ConfigurationAnchor.ExportCertificatePem();
        File.WriteAllText(Path.Combine(folder, "ANCHOR.pem"), anchor);

        // Each command from "openssl" to its end, a line ending in a backslash going on into the next, as a reader
        // pastes it; a trailing "(expect ...)" is prose, and a command naming FILE is a pattern, not a step.
        var lines = File.ReadAllLines(Path.Combine(folder, "VERIFY.txt"));
        var commands = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var at = lines[i].IndexOf("openssl ", StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var command = lines[i][at..];
            while (command.EndsWith('\\') && i + 1 < lines.Length)
            {
                command = command + "\n" + lines[++i];
            }

            var expect = command.IndexOf(" (expect", StringComparison.Ordinal);
            if (!command.Contains(" FILE", StringComparison.Ordinal))
            {
                commands.Add(expect < 0 ? command : command[..expect]);
            }
        }

        Assert.Equal(9, commands.Count);
        Assert.Contains(commands, c => c.Contains("-CAfile ANCHOR.pem", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("federation.json.p7s", StringComparison.Ordinal));
        var federationText = File.ReadAllText(Path.Combine(folder, "federation.json"));
        foreach (var command in commands)
        {
            var (code, output) = OpenSsl.Shell(folder, command);
            Assert.True(code == 0, $"{command}: {output}");

            // Each signer's SHA-256, as VERIFY.txt has the reader look it up, is registered in federation.json.
            if (command.StartsWith("openssl x509 ", StringComparison.Ordinal))
            {
                var fingerprint = output.Trim().Split('=')[1].Replace(":", "", StringComparison.Ordinal)
                    .ToLowerInvariant();
                Assert.Contains($"\"{fingerprint}\"", federationText, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task ExportedSignature_OverChangedSignedData_IsRefusedByOpenSsl()
    {
        Assert.True(OpenSsl.IsAvailable, "openssl must be on PATH (.ci/run installs it)");
        await using var federation = await TestFederation.StartAsync();
        var id = await CallAsync(federation, "evidence");
        var folder = Path.Combine(federation.Directory, "evidence");
        var files = EvidenceExport.Write(federation.Provider.MessageLog, id,
            federation.Provider.Federation.CurrentSigned!, folder);
        var signed = files.First(f => f.EndsWith(".signed.der", StringComparison.Ordinal));
        var bytes = File.ReadAllBytes(signed);
        bytes[^1] ^= 0x01;
        File.WriteAllBytes(signed, bytes);
        var name = Path.GetFileName(signed)[..^".signed.der".Length];

        var (code, _) = OpenSsl.Run(folder, $"cms -verify -binary -inform DER -in {name}.signature.p7s " +
            $"-content {name}.signed.der -CAfile ca.pem -purpose any -out /dev/null");

        Assert.NotEqual(0, code);
    }

    [Fact]
    public async Task ExportedTimestampTokens_AreAcceptedByOpenSslTs_OverTheStampedRoot()
    {
        Assert.True(OpenSsl.IsAvailable, "openssl must be on PATH (.ci/run installs it)");
        await using var federation = await TestFederation.StartAsync(timestamping: true);

        var (folder, files) = await StampAndExportAsync(federation, federation.Provider, "stamped");

        var tokens = files.Where(f => f.EndsWith(".timestamp.der", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, tokens.Count);
        foreach (var token in tokens)
        {
            var name = Path.GetFileName(token)[..^".timestamp.der".Length];
            var proof = File.ReadAllLines(Path.Combine(folder, name + ".timestamp-proof.txt"));
            var root = proof.Single(l => l.StartsWith("root:", StringComparison.Ordinal))["root:".Length..].Trim();
            Assert.EndsWith($" = {root}", proof.Last(l => l.StartsWith("r = SHA-256(", StringComparison.Ordinal)),
                StringComparison.Ordinal);
            var (code, output) = OpenSsl.Run(folder, $"ts -verify -token_in -in {name}.timestamp.der -digest {root} " +
                $"-CAfile ca.pem -untrusted {name}.tsa.pem");
            Assert.True(code == 0, output);
        }
    }

    /// <summary>One call; then <paramref name="gateway"/> stamps its log and exports the call's evidence.</summary>
    private static async Task<(string Folder, IReadOnlyList<string> Files)> StampAndExportAsync(
        TestFederation federation, GatewayNode gateway, string prefix)
    {
        var id = await CallAsync(federation, prefix);
        await gateway.Timestamper!.StampBacklogAsync(CancellationToken.None).WaitAsync(Errors.Timeout);
        var folder = Path.Combine(federation.Directory, "evidence");
        return (folder, EvidenceExport.Write(gateway.MessageLog, id, gateway.Federation.CurrentSigned!, folder));
    }

    /// <summary>One call through the pair under a new message id beginning with <paramref name="prefix"/>.</summary>
    private static async Task<string> CallAsync(TestFederation federation, string prefix, string payload = "")
    {
        var id = prefix + "-" + Guid.NewGuid().ToString("N");
        var headers = TestFederation.Headers();
        headers.Add("xroad-message-id", id);
        await federation.Echo().SayAsync(new EchoRequest { Payload = ByteString.CopyFromUtf8(payload) }, headers)
            .ResponseAsync.WaitAsync(Errors.Timeout);
        return id;
    }
}
