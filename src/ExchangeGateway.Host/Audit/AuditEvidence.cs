using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Host.Audit.V1;
using ExchangeGateway.Host.Configuration;
using ExchangeGateway.Host.Faults;
using ExchangeGateway.Host.Federation;
using Google.Protobuf;
using Grpc.Core;

namespace ExchangeGateway.Host.Audit;

/// <summary>
/// <c>GetEvidence</c>: every record of one message with what a third party needs to check it (envelope,
/// signature, proofs, chain hashes, time-stamp), the federation's CAs to check it against and the signed
/// configuration that lists them. Never the payload.
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
        if (federation.CurrentSigned is { } signed)
        {
            response.CertificateAuthorities.AddRange(
                signed.Configuration.Authorities.Select(a => a.ExportCertificatePem()));
            response.Federation = ByteString.CopyFrom(signed.Document);
            response.FederationSignature = ByteString.CopyFrom(signed.Signature);
        }

        return response;
    }
}
