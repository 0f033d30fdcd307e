using System.Security.Cryptography;
using ExchangeGateway.Core.Timestamping;
using ExchangeGateway.Host.Tests.Support;
using ExchangeGateway.Host.Timestamping;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExchangeGateway.Host.Tests.Timestamping;

/// <summary>
/// OpenSSL as an independent verifier of the product's authority: <c>openssl ts -verify</c> must accept its
/// replies and tokens, whether the request came from our client or from <c>openssl ts -query</c>.
/// </summary>
public sealed class OpenSslTimestampAuthorityTests
{
    private static readonly byte[] Data = SHA256.HashData("a Merkle root over signatures"u8);

    [OpenSslFact]
    public async Task Verify_ReplyToOurQuery_OpenSslAccepts()
    {
        await using var bed = new TimestampingBed();
        var server = await bed.StartAuthorityAsync();
        var query = TimestampQuery.Create(Data);
        File.WriteAllBytes(bed.File("reply.tsr"), await TimestampAuthorityServerTests.PostAsync(server.Address,
            query.Encoded));

        var (exitCode, output) = await OpenSslTool.RunAsync("ts", "-verify", "-digest", Convert.ToHexStringLower(Data),
            "-sha256", "-in", bed.File("reply.tsr"), "-CAfile", Pem(bed, "ca"), "-untrusted", Pem(bed, "tsa"));

        Assert.True(exitCode == 0, output);
        Assert.Contains("Verification: OK", output, StringComparison.Ordinal);
    }

    [OpenSslFact]
    public async Task Verify_TokenFromOurClient_OpenSslAcceptsTokenIn()
    {
        await using var bed = new TimestampingBed();
        var server = await bed.StartAuthorityAsync();
        var federation = bed.Federation(TimestampingBed.Entry("dev-tsa", server.Address, bed.Tsa));
        using var handler = new CountingHandler();
        using var http = new HttpClient(handler, disposeHandler: false);
        var client = new TimestampClient(http, () => federation, bed.Time, NullLogger<TimestampClient>.Instance);
        var token = await client.StampAsync(Data, CancellationToken.None).WaitAsync(Errors.Timeout);
        File.WriteAllBytes(bed.File("token.der"), token.Token);

        var (exitCode, output) = await OpenSslTool.RunAsync("ts", "-verify", "-digest", Convert.ToHexStringLower(Data),
            "-sha256", "-token_in", "-in", bed.File("token.der"), "-CAfile", Pem(bed, "ca"),
            "-untrusted", Pem(bed, "tsa"));

        Assert.True(exitCode == 0, output);
        Assert.Contains("Verification: OK", output, StringComparison.Ordinal);
    }

    [OpenSslFact]
    public async Task Verify_OpenSslQueryAnsweredByOurAuthority_OpenSslAcceptsWithQueryFile()
    {
        await using var bed = new TimestampingBed();
        var server = await bed.StartAuthorityAsync();
        File.WriteAllBytes(bed.File("data.bin"), "a batch of records"u8.ToArray());
        var (exitCode, output) = await OpenSslTool.RunAsync("ts", "-query", "-data", bed.File("data.bin"),
            "-sha256", "-cert", "-out", bed.File("query.tsq"));
        Assert.True(exitCode == 0, output);
        File.WriteAllBytes(bed.File("reply.tsr"), await TimestampAuthorityServerTests.PostAsync(server.Address,
            File.ReadAllBytes(bed.File("query.tsq"))));

        (exitCode, output) = await OpenSslTool.RunAsync("ts", "-verify", "-queryfile", bed.File("query.tsq"),
            "-in", bed.File("reply.tsr"), "-CAfile", Pem(bed, "ca"), "-untrusted", Pem(bed, "tsa"));

        Assert.True(exitCode == 0, output);
        Assert.Contains("Verification: OK", output, StringComparison.Ordinal);
    }

    [OpenSslFact]
    public async Task Verify_ReplyCheckedAgainstOtherData_OpenSslRefuses()
    {
        await using var bed = new TimestampingBed();
        var server = await bed.StartAuthorityAsync();
        File.WriteAllBytes(bed.File("reply.tsr"), await TimestampAuthorityServerTests.PostAsync(server.Address,
            TimestampQuery.Create(Data).Encoded));
        var other = SHA256.HashData("another root"u8);

        var (exitCode, output) = await OpenSslTool.RunAsync("ts", "-verify", "-digest",
            Convert.ToHexStringLower(other), "-sha256", "-in", bed.File("reply.tsr"), "-CAfile", Pem(bed, "ca"),
            "-untrusted", Pem(bed, "tsa"));

        Assert.True(exitCode != 0, output);
        Assert.Contains("message imprint mismatch", output, StringComparison.Ordinal);
    }

    [OpenSslFact]
    public async Task Verify_ReplyOfAuthorityOutsideTheCa_OpenSslRefuses()
    {
        await using var bed = new TimestampingBed();
        var server = await bed.StartAuthorityAsync(bed.ForeignTsa);
        File.WriteAllBytes(bed.File("reply.tsr"), await TimestampAuthorityServerTests.PostAsync(server.Address,
            TimestampQuery.Create(Data).Encoded));

        var (exitCode, output) = await OpenSslTool.RunAsync("ts", "-verify", "-digest",
            Convert.ToHexStringLower(Data), "-sha256", "-in", bed.File("reply.tsr"), "-CAfile", Pem(bed, "ca"));

        Assert.True(exitCode != 0, output);
    }

    private static string Pem(TimestampingBed bed, string name) => Path.Combine(bed.Pki.Directory, name + ".pem");
}
