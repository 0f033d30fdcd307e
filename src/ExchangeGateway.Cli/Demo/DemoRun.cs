using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Cli.Commands;
using ExchangeGateway.Core.Archives;
using ExchangeGateway.Core.Evidence;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Core.Subjects;
using ExchangeGateway.Host.Faults;
using Google.Rpc;
using Grpc.Core;

namespace ExchangeGateway.Cli.Demo;

/// <summary>Runs the scenarios through a started federation, prints the table, verifies every gateway's log.</summary>
internal sealed class DemoRun(DemoFederation federation, TextWriter output)
{
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var results = new List<ScenarioResult>();
        foreach (var scenario in DemoScenarios.For(federation.Population))
        {
            results.Add(await RunAsync(scenario, cancellationToken).ConfigureAwait(false));
        }

        PrintTable(results);
        PrintSubjectReport(results[0].Scenario.Subject);
        await StampAsync(cancellationToken).ConfigureAwait(false);
        var logsVerified = VerifyLogs() && ArchiveAndVerify();
        ExportEvidence(results[0].MessageId);
        var scenariosPassed = results.All(r => r.AsExpected);
        output.WriteLine();
        output.WriteLine(scenariosPassed && logsVerified
            ? "Demo passed: every scenario had its expected outcome and every message log verified."
            : "Demo FAILED: see the rows marked '!' and the log and archive checks above.");
        return scenariosPassed && logsVerified;
    }

    private async Task<ScenarioResult> RunAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        var messageId = Guid.CreateVersion7().ToString();
        var headers = new Metadata
        {
            { "xroad-client", scenario.Client },
            { "xroad-service", scenario.Service },
            { "xroad-message-id", messageId },
            { "xroad-user-id", "officer-0417" },
            { "xroad-issue", "demo-" + scenario.Method },
            { "xroad-subject", scenario.Subject },
        };
        var invoker = federation.ChannelFor(scenario.Caller).CreateCallInvoker();
        var started = Stopwatch.GetTimestamp();
        string outcome;
        string summary;
        try
        {
            summary = await scenario.Call(invoker, headers).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken)
                .ConfigureAwait(false);
            outcome = "OK";
        }
        catch (RpcException ex)
        {
            var reason = ex.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason;
            outcome = reason is null ? StatusNames.Of(ex.StatusCode) : $"{StatusNames.Of(ex.StatusCode)} {reason}";
            summary = ex.Status.Detail;
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return new ScenarioResult(scenario, outcome, elapsed, summary, messageId);
    }

    private void PrintTable(List<ScenarioResult> results)
    {
        output.WriteLine();
        output.WriteLine($"{"#",-2} {"caller",-44} {"service",-31} {"method",-20} {"outcome",-32} {"ms",7}");
        output.WriteLine(new string('-', 141));
        foreach (var (result, index) in results.Select((r, i) => (r, i + 1)))
        {
            var mark = result.AsExpected ? " " : "!";
            var named = result.Scenario.Service;
            var service = named[(named.IndexOf(':', StringComparison.Ordinal) + 1)..];
            var caller = result.Scenario.Client.Length > 44 ? result.Scenario.Client[..44] : result.Scenario.Client;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{index,-2} {caller,-44} {service,-31} {result.Scenario.Method,-20} {result.Outcome,-32} " +
                $"{result.Milliseconds,7:F1}{mark}"));
            output.WriteLine($"   {result.Scenario.Title}: {result.Summary}");
            if (!result.AsExpected)
            {
                output.WriteLine($"   ! expected {result.Scenario.Expected}");
            }
        }
    }

    private void PrintSubjectReport(string subject)
    {
        output.WriteLine();
        output.WriteLine($"Who looked at the data of the person with document {subject} (from each gateway's log, " +
            "found by the keyed hash; the number itself is not stored in the clear):");
        foreach (var (agency, gateway) in federation.Gateways)
        {
            var key = gateway.Options.SubjectKey!;
            foreach (var access in SubjectReport.Find(gateway.Options.MessageLogPath, key, subject))
            {
                output.WriteLine("  " + SubjectLines.Format(agency.GatewayName, access));
            }
        }
    }

    private async Task StampAsync(CancellationToken cancellationToken)
    {
        // The gateways stamp every two seconds on their own; stamping now lets the demo show every record stamped.
        foreach (var gateway in federation.Gateways.Values)
        {
            await gateway.Timestamper!.StampBacklogAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private bool VerifyLogs()
    {
        output.WriteLine();
        var allValid = true;
        foreach (var (agency, gateway) in federation.Gateways)
        {
            var configuration = gateway.Federation.Current!;
            var log = MessageLogVerifier.Verify(gateway.MessageLog.Read(), configuration);
            var stamps = StampVerifier.Verify(gateway.MessageLog, configuration);
            var name = agency.GatewayName;
            allValid &= log.IsValid && stamps.IsValid && stamps.StampedRecords == log.Records;
            output.WriteLine(log.IsValid
                ? $"{name,-18} message log: {log.Records} records, {log.SignedRecords} signed; chain, digests and " +
                  "signatures verified"
                : $"{name,-18} message log FAILED at {log.Failure}");
            output.WriteLine(stamps.IsValid
                ? $"{"",-18} time-stamps: {stamps.StampedRecords} records under {stamps.Stamps} RFC 3161 token(s); " +
                  "tokens, roots and proofs verified"
                : $"{"",-18} time-stamps FAILED at {stamps.Failure}");
        }

        return allValid;
    }

    private bool ArchiveAndVerify()
    {
        // What an auditor receives: each gateway's signed archives, checked offline against the anchor alone.
        output.WriteLine();
        var paths = new List<string>();
        var folders = new List<string>();
        foreach (var (agency, gateway) in federation.Gateways)
        {
            var directory = gateway.Options.Archiving.DirectoryFor(gateway.Options.MessageLogPath);
            folders.Add(directory);
            var written = gateway.Archives.RunOnce(closedPeriodsOnly: false);
            paths.AddRange(Directory.GetFiles(directory, "*.zip"));
            var made = written.Count == 0
                ? "nothing new"
                : string.Join(", ", written.Select(a => $"{a.Name} (records {a.FirstSequence}-{a.LastSequence})"));
            output.WriteLine($"{agency.GatewayName,-18} archived to {directory}: {made}");
        }

        var anchor = federation.Gateways.Values.First().Options.Federation.Anchor;
        var anchors = new X509Certificate2Collection();
        anchors.ImportFromPemFile(anchor);
        var verification = ArchiveVerifier.Verify(paths, anchors);
        output.WriteLine(verification.IsValid
            ? string.Create(CultureInfo.InvariantCulture, $"every archive verified offline (exgw verify): " +
                $"{verification.Archives} archives, {verification.Records} records, {verification.Stamps} tokens, " +
                $"members {string.Join(", ", verification.Members)}")
            : $"archive verification FAILED: {verification.Failure}");
        output.WriteLine("  the same by hand (exgw is `dotnet run --project src/ExchangeGateway.Cli --` from the " +
            "repository):");
        output.WriteLine($"  exgw verify {string.Join(' ', folders)} --anchor {anchor}");
        return verification.IsValid && verification.Archives == paths.Count;
    }

    private void ExportEvidence(string messageId)
    {
        var gateway = federation.Gateways[DemoAgencies.Police];
        var folder = Path.Combine(federation.Directory, "evidence", messageId);
        EvidenceExport.Write(gateway.MessageLog, messageId, gateway.Federation.CurrentSigned!, folder);
        output.WriteLine();
        output.WriteLine($"Evidence of message {messageId} (police-gw), checkable with OpenSSL: {folder}/VERIFY.txt");
    }
}
