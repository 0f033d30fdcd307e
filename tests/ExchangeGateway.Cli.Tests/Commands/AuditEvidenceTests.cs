using System.Net;
using ExchangeGateway.Cli.Demo;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Host;
using ExchangeGateway.Host.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExchangeGateway.Cli.Tests.Commands;

/// <summary><c>exgw audit evidence</c> against a real gateway's audit endpoint, as an auditor runs it: the demo's
/// migration gateway, run alone on the demo's log with an audit section, as the README has it tried.</summary>
public sealed class AuditEvidenceTests
{
    [Fact]
    public async Task Evidence_OfARealCall_IsWrittenWithTheConfigurationTheAnchorSigned_AndAWrongAnchorWritesNothing()
    {
        using var folder = new DemoFolder();
        await using (var federation = await folder.StartAsync())
        {
            var said = new StringWriter();
            Assert.True(await new DemoRun(federation, said).RunAsync(CancellationToken.None)
                .WaitAsync(TimeSpan.FromMinutes(2)), said.ToString());
        }

        var config = Path.Combine(folder.Path, "migration", "gateway.json");
        Assert.True(GatewaySettingsReader.TryRead(config, out var options, out var errors), string.Join("; ", errors));
        const string Key = "an-auditors-key";
        var keyFile = Path.Combine(folder.Path, "auditor.key");
        await File.WriteAllTextAsync(keyFile, Key + "\n");
        options = options with
        {
            Audit = new AuditOptions
            {
                Endpoint = new IPEndPoint(IPAddress.Loopback, 0),
                Keys = [new AuditKey("auditor-1", AuditRole.Auditor, AuditKey.HashOf(Key))],
            },
        };
        var messageId = SqliteMessageLog.ReadFile(options.MessageLogPath)
            .First(r => r.Record.Signature is not null).Record.MessageId;
        var pki = Path.Combine(folder.Path, "pki");
        var written = Path.Combine(folder.Path, "evidence-out");
        var refused = Path.Combine(folder.Path, "evidence-refused");

        (int ExitCode, string Output) good, wrong;
        await using (var gateway = await GatewayNode.StartAsync(options, NullLoggerFactory.Instance)
                         .WaitAsync(TimeSpan.FromMinutes(1)))
        {
            string[] connection = ["--address", gateway.AuditAddress!.GetLeftPart(UriPartial.Authority),
                "--key-file", keyFile, "--ca", Path.Combine(pki, "ca.pem"), "--message-id", messageId];
            good = await Cli.RunAsync(["audit", "evidence", .. connection, "--out", written,
                "--anchor", Path.Combine(pki, "authority.pem")]);
            wrong = await Cli.RunAsync(["audit", "evidence", .. connection, "--out", refused,
                "--anchor", Path.Combine(pki, "ca.pem")]);
        }

        Assert.True(good.ExitCode == 0, good.Output);
        Assert.Equal(
            await File.ReadAllBytesAsync(Path.Combine(folder.Path, "federation", "federation.json")),
            await File.ReadAllBytesAsync(Path.Combine(written, "federation.json")));
        Assert.Equal((await File.ReadAllTextAsync(Path.Combine(pki, "ca.pem"))).Trim(),
            (await File.ReadAllTextAsync(Path.Combine(written, "ca.pem"))).Trim());
        Assert.StartsWith($"Evidence of message {messageId}",
            await File.ReadAllTextAsync(Path.Combine(written, "VERIFY.txt")), StringComparison.Ordinal);
        Assert.Equal(1, wrong.ExitCode);
        Assert.StartsWith("evidence not written: the federation configuration the gateway sent does not verify " +
            "against --anchor ", wrong.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(refused));
    }
}
