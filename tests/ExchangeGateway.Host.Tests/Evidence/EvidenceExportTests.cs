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
        var id = "evidence-" + Guid.NewGuid().ToString("N");
        var headers = TestFederation.Headers();
        headers.Add("xroad-message-id", id);
        await federation.Echo().SayAsync(new EchoRequest { Payload = ByteString.CopyFromUtf8("e") }, headers)
            .ResponseAsync.WaitAsync(Errors.Timeout);
        var folder = Path.Combine(federation.Directory, "evidence");

        var files = EvidenceExport.Write(federation.Consumer.MessageLog, id,
            federation.Consumer.Federation.Current!.Authorities, folder);

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
    public async Task ExportedSignature_OverChangedSignedData_IsRefusedByOpenSsl()
    {
        Assert.True(OpenSsl.IsAvailable, "openssl must be on PATH (.ci/run installs it)");
        await using var federation = await TestFederation.StartAsync();
        var id = "evidence-" + Guid.NewGuid().ToString("N");
        var headers = TestFederation.Headers();
        headers.Add("xroad-message-id", id);
        await federation.Echo().SayAsync(new EchoRequest(), headers).ResponseAsync.WaitAsync(Errors.Timeout);
        var folder = Path.Combine(federation.Directory, "evidence");
        var files = EvidenceExport.Write(federation.Provider.MessageLog, id,
            federation.Provider.Federation.Current!.Authorities, folder);
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
        var id = "stamped-" + Guid.NewGuid().ToString("N");
        var headers = TestFederation.Headers();
        headers.Add("xroad-message-id", id);
        await federation.Echo().SayAsync(new EchoRequest(), headers).ResponseAsync.WaitAsync(Errors.Timeout);
        await federation.Provider.Timestamper!.StampBacklogAsync(CancellationToken.None).WaitAsync(Errors.Timeout);
        var folder = Path.Combine(federation.Directory, "evidence");

        var files = EvidenceExport.Write(federation.Provider.MessageLog, id,
            federation.Provider.Federation.Current!.Authorities, folder);

        var tokens = files.Where(f => f.EndsWith(".timestamp.der", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, tokens.Count);
        foreach (var token in tokens)
        {
            var name = Path.GetFileName(token)[..^".timestamp.der".Length];
            var proof = File.ReadAllLines(Path.Combine(folder, name + ".timestamp-proof.txt"));
            var root = proof.Single(l => l.StartsWith("root:", StringComparison.Ordinal))["root:".Length..].Trim();
            var (code, output) = OpenSsl.Run(folder, $"ts -verify -token_in -in {name}.timestamp.der -digest {root} " +
                $"-CAfile ca.pem -untrusted {name}.tsa.pem");
            Assert.True(code == 0, output);
        }
    }
}
