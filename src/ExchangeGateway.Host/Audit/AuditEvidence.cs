using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Host.Audit.V1;
using ExchangeGateway.Host.Configuration;
using ExchangeGateway.Host.Faults;
using ExchangeGateway.Host.Federation;
using Grpc.Core;

namespace ExchangeGateway.Host.Audit;

/// <summary>
/// <c>GetEvidence</c>: every record of one message with what a third party needs to check it (envelope,
/// signature, proofs, chain hashes, time-stamp) and the federation's CAs to check it against. Never the payload.
/// </summary>
internal sealed class AuditEvidence(GatewayOptions options, FederationState federation, AuditFaults faults)
{
    public GetEvidenceResponse Get(GetEvidenceRequest request)
    {
        if (request.MessageId.Length == 0)
        {
            throw faults.BadRequest("message_id is required");
        }

        var records = MessageLogSearch.Message(options.MessageLogPath, request.MessageId);
        if (records.Count == 0)
        {
            throw faults.Raise(StatusCode.NotFound, Reasons.MessageNotFound,
                "the message log holds no record of that message id");
        }

        var response = new GetEvidenceResponse { MessageId = request.MessageId };
        response.Records.AddRange(records.Select(AuditRecords.Evidence));
        if (federation.Current is { } current)
        {
            response.CertificateAuthorities.AddRange(current.Authorities.Select(a => a.ExportCertificatePem()));
        }

        return response;
    }
}
