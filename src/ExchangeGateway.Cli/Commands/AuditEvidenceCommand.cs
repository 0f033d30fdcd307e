using System.CommandLine;
using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Archives;
using ExchangeGateway.Core.Envelopes;
using ExchangeGateway.Core.Evidence;
using ExchangeGateway.Core.Federation;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Host.Audit.V1;

namespace ExchangeGateway.Cli.Commands;

/// <summary>
/// <c>exgw audit evidence</c>: one message's evidence, fetched through the audit API and written as the same
/// standard files (with VERIFY.txt) as <c>exgw evidence export</c> writes from a log file.
/// </summary>
internal static class AuditEvidenceCommand
{
    public static Command Create()
    {
        var connection = new AuditConnection();
        var messageId = new Option<string>("--message-id") { Description = "The message", Required = true };
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder to write into: a new or empty one",
            Required = true,
        };
        var anchor = new Option<FileInfo>("--anchor")
        {
            Description = "The pinned configuration-signing certificate (PEM): the CAs the gateway names are taken " +
                "only from the configuration it signed",
            Required = true,
        };
        var command = new Command("evidence", "Fetch one message's evidence and write it as standard files")
        {
            messageId, output, anchor,
        };
        connection.AddTo(command);
        command.SetAction((parse, cancel) =>
        {
            var anchors = new X509Certificate2Collection();
            var problem = EvidenceCommand.OutProblem(parse.GetValue(output)!.FullName)
                ?? AnchorFile.Problem("--anchor", parse.GetValue(anchor)!.FullName, anchors);
            return problem is not null
                ? AuditConnection.FailAsync(parse, problem)
                : connection.RunAsync(parse, async (client, headers) =>
                {
                    var request = new GetEvidenceRequest { MessageId = parse.GetValue(messageId)! };
                    var evidence = await client.GetEvidenceAsync(request, headers, AuditConnection.Deadline, cancel)
                        .ConfigureAwait(false);
                    if (Federation(evidence, anchors, parse.GetValue(anchor)!.FullName, out var signed) is { } refused)
                    {
                        return await AuditConnection.RejectAsync(parse, $"evidence not written: {refused}")
                            .ConfigureAwait(false);
                    }

                    var files = EvidenceExport.Write(evidence.Records.Select(Stamped).ToList(), evidence.MessageId,
                        signed!, parse.GetValue(output)!.FullName);
                    foreach (var file in files)
                    {
                        await parse.InvocationConfiguration.Output.WriteLineAsync(file).ConfigureAwait(false);
                    }

                    return 0;
                });
        });
        return command;
    }

    /// <summary>
    /// The federation configuration the gateway sent, checked against <paramref name="anchors"/>: its CAs, not the
    /// list the gateway sent beside it, are the ones the evidence is checked against, so that a gateway cannot vouch
    /// for a CA of its own. The line to print when it is missing or refused.
    /// </summary>
    private static string? Federation(
        GetEvidenceResponse evidence, X509Certificate2Collection anchors, string anchor, out SignedFederation? signed)
    {
        signed = null;
        if (evidence.Federation.IsEmpty || evidence.FederationSignature.IsEmpty)
        {
            return "the gateway sent no signed federation configuration: its CAs cannot be tied to --anchor";
        }

        var document = evidence.Federation.ToByteArray();
        var signature = evidence.FederationSignature.ToByteArray();
        if (!FederationConfigurationReader.TryRead(
                document, signature, anchors, DateTimeOffset.UtcNow, out var configuration, out var errors))
        {
            return $"the federation configuration the gateway sent does not verify against --anchor {anchor}: " +
                string.Join("; ", errors);
        }

        signed = new SignedFederation(document, signature, configuration);
        return null;
    }

    private static StampedRecord Stamped(EvidenceRecord evidence)
    {
        var r = evidence.Record;
        var record = new MessageRecord
        {
            MessageId = r.MessageId,
            Side = r.Side == Side.Consumer ? LogSide.Consumer : LogSide.Provider,
            Direction = r.Direction == Direction.Request ? EnvelopeKind.Request : EnvelopeKind.Response,
            Client = r.Client,
            Service = r.Service,
            Method = r.Method,
            UserId = r.UserId,
            Issue = r.Issue,
            PayloadDigest = r.PayloadDigest.ToByteArray(),
            Envelope = Bytes(evidence.Envelope),
            Signature = Bytes(evidence.Signature),
            Proof = Bytes(evidence.Proof),
            LoggedAt = r.LoggedAt.ToDateTimeOffset(),
            Outcome = r.Outcome,
        };
        var logged = new LoggedRecord(r.Sequence, record, evidence.PreviousHash.ToByteArray(),
            r.RecordHash.ToByteArray());
        var stamp = evidence.TimeStamp is { } t
            ? new RecordStamp(new LogStamp(t.StampId, t.FirstSequence, t.LastSequence, t.Root.ToByteArray(),
                t.Token.ToByteArray(), t.Authority, t.Time.ToDateTimeOffset()), t.Proof.ToByteArray())
            : null;
        return new StampedRecord(logged, stamp);
    }

    private static byte[]? Bytes(Google.Protobuf.ByteString bytes) => bytes.IsEmpty ? null : bytes.ToByteArray();
}
