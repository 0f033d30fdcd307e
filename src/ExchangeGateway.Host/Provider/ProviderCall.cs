using System.Diagnostics;
using System.Security.Cryptography;
using ExchangeGateway.Core.Envelopes;
using ExchangeGateway.Core.Federation;
using ExchangeGateway.Core.Identifiers;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Core.Subjects;
using ExchangeGateway.Host.Configuration;
using ExchangeGateway.Host.Evidence;
using ExchangeGateway.Host.Exchange.V1;
using ExchangeGateway.Host.Faults;
using ExchangeGateway.Host.Federation;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace ExchangeGateway.Host.Provider;

/// <summary>
/// The provider side of one call: authenticate the peer gateway, verify the client's signature, check access,
/// log, forward the raw bytes to the registry, then sign, log and return its answer.
/// </summary>
/// <remarks>
/// Stages: (1) the federation configuration is current; (2) the peer's TLS certificate is registered to a gateway; (3)
/// the envelope decodes and names a client of the peer's member; (4) the signature verifies, its signer is registered
/// to that member, and the payload and metadata match their digests; (5) the envelope time is within the clock skew;
/// (6) the service is published here and (7) a grant allows the call, by the settings file as it reads now (<see
/// cref="ServiceCatalog"/>); (8) the request record is written while (9) the registry is called; (10) the answer is
/// sealed and, once the request record is durable, sent while its own record commits, and the call's OK status follows
/// only once that record is durable: the consumer checks the answer meanwhile and acts on it only with that status.
/// A refusal at (3) to (7) is logged before it is returned.
/// </remarks>
internal sealed class ProviderCall(
    GatewayOptions options,
    FederationState federation,
    EvidenceLog evidence,
    RegistryInvoker registries,
    ServiceCatalog catalog,
    GatewayHealth health,
    ReplayGuard replays,
    ILogger<ProviderCall> logger)
{
    private const string Side = "provider";

    public async Task HandleAsync(
        ExchangeRequest request, IServerStreamWriter<ExchangeResponse> responseStream, ServerCallContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var payload = ByteStrings.Array(request.Payload);
        var payloadDigest = SHA256.HashData(payload);

        // (1) and (2)
        var configuration = federation.Current;
        var unhealthy = health.Fault();
        if (unhealthy is not null || configuration is null)
        {
            throw Fail(unhealthy ?? new GatewayFault(StatusCode.Unavailable, Reasons.ConfigurationExpired,
                "no federation configuration is loaded"));
        }

        var peer = context.GetHttpContext().Connection.ClientCertificate;
        var peerGateway = peer is null ? null : configuration.GatewayByTlsCertificate(peer);
        if (peerGateway is null)
        {
            var fault = new GatewayFault(StatusCode.Unauthenticated, Reasons.PeerNotTrusted,
                $"the peer's TLS certificate '{peer?.Subject}' is not registered to any gateway of the federation");
            Log.Refused(logger, Side, "-", "-", "-", "-", fault.Outcome, fault.Message);
            throw Fail(fault);
        }

        // (3) to (7)
        var envelopeBytes = ByteStrings.Array(request.Envelope);
        if (!EnvelopeCodec.TryDecode(envelopeBytes, out var envelope, out var decodeFailure))
        {
            throw Fail(new GatewayFault(StatusCode.Unauthenticated, Reasons.SignatureInvalid, decodeFailure!));
        }

        var call = new CallIdentity(envelope.MessageId, envelope.Client, envelope.Service, envelope.Method,
            envelope.UserId, envelope.Issue, SubjectKey.Check(request.Subject) is null ? request.Subject : "");
        var signature = ByteStrings.Array(request.Signature);
        var proof = request.Proof.IsEmpty ? null : ByteStrings.Array(request.Proof);
        var verifying = Stopwatch.GetTimestamp();
        var checkedRequest = Verify(
            request, envelope, envelopeBytes, signature, proof, payloadDigest, peerGateway, configuration);
        evidence.Stages.Record(LogSide.Provider, CallStages.Verify, verifying);
        if (checkedRequest.Fault is not null)
        {
            var signed = checkedRequest.SignatureValid;
            await LogOrFailAsync(call, EnvelopeKind.Request, payloadDigest, null,
                signed ? envelopeBytes : null, signed ? signature : null, signed ? proof : null,
                checkedRequest.Fault.Outcome).ConfigureAwait(false);
            Log.Refused(logger, Side, call.MessageId, call.Client, call.Service, call.Method,
                checkedRequest.Fault.Outcome, checkedRequest.Fault.Message);
            throw Fail(checkedRequest.Fault);
        }

        var verified = checkedRequest.Request!;
        var bodyLogging = verified.BodyLogging;

        // (8) and (9): the request record commits while the registry works on the request; it is durable before
        // anything of the answer leaves, and before the response record follows it.
        var requestLogged = LogOrFailAsync(call, EnvelopeKind.Request, payloadDigest, bodyLogging ? payload : null,
            envelopeBytes, signature, proof, "OK");
        var calling = Stopwatch.GetTimestamp();
        var answer = await RegistryAnswer.CallAsync(
            registries, verified, payload, request.Metadata, call, context).ConfigureAwait(false);
        evidence.Stages.Record(LogSide.Provider, CallStages.Registry, calling);
        if (answer.Fault is not null)
        {
            if (answer.ClientError is not null)
            {
                Log.RegistryUnreachable(logger, verified.Service.Registry, call.Service, answer.ClientError);
            }

            await requestLogged.ConfigureAwait(false);
            await LogOrFailAsync(call, EnvelopeKind.Response, SHA256.HashData([]), null, null, null, null,
                answer.Fault.Outcome).ConfigureAwait(false);
            Log.Refused(logger, Side, call.MessageId, call.Client, call.Service, call.Method,
                answer.Fault.Outcome, answer.Fault.Message);
            throw Fail(answer.Fault);
        }

        // (10) Sealed while the request record may still commit; sent once that record is durable, while the answer's
        // own record commits; the status that makes it an answer waits for that commit.
        var sealing = SealAsync(verified, answer);
        await requestLogged.ConfigureAwait(false);
        var response = await sealing.ConfigureAwait(false);
        var responseLogged = LogOrFailAsync(call, EnvelopeKind.Response, response.Envelope.PayloadDigest.ToArray(),
            bodyLogging ? answer.Payload : null, response.Bytes, response.Signature, response.Proof,
            StatusNames.Of((StatusCode)answer.StatusCode));
        try
        {
            await responseStream.WriteAsync(answer.ToResponse(response), context.CancellationToken)
                .ConfigureAwait(false);
            evidence.Stages.Record(LogSide.Provider, CallStages.Answered, started);
        }
        finally
        {
            // Sent or not (the consumer may have gone), the call ends only once the record is durable or failed, and
            // its line says what the record does.
            await responseLogged.ConfigureAwait(false);
            if (catalog.Current.LogCalls)
            {
                Log.Exchange(logger, Side, call.MessageId, call.Client, call.Service, call.Method,
                    StatusNames.Of((StatusCode)answer.StatusCode), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }

    private CheckedRequest Verify(
        ExchangeRequest request,
        Envelope envelope,
        byte[] envelopeBytes,
        byte[] signature,
        byte[]? proof,
        byte[] payloadDigest,
        FederationGateway peer,
        FederationConfiguration configuration)
    {
        // (3) Identities, and the peer's member must own the client.
        if (envelope.Kind != EnvelopeKind.Request)
        {
            return CheckedRequest.Refuse(
                StatusCode.Unauthenticated, Reasons.SignatureInvalid, "envelope is not a request");
        }

        if (!SubsystemId.TryParse(envelope.Client, out var client, out var clientError))
        {
            return CheckedRequest.Refuse(StatusCode.InvalidArgument, Reasons.BadIdentifier, $"client {clientError}");
        }

        if (!ServiceId.TryParse(envelope.Service, out var service, out var serviceError))
        {
            return CheckedRequest.Refuse(StatusCode.InvalidArgument, Reasons.BadIdentifier, $"service {serviceError}");
        }

        if (client.Member != peer.Owner)
        {
            return CheckedRequest.Refuse(StatusCode.PermissionDenied, Reasons.PeerNotClientMember,
                $"gateway '{peer.Name}' belongs to {peer.Owner}, which does not own client {client}");
        }

        // (4) Signature, signer, digests.
        var check = SignatureVerifier.VerifyMessage(
            envelopeBytes, signature, proof, configuration.Authorities, evidence.Now);
        if (!check.IsValid)
        {
            return CheckedRequest.Refuse(StatusCode.Unauthenticated, Reasons.SignatureInvalid, check.Failure);
        }

        if (configuration.MemberBySigningCertificate(check.Signer) != client.Member)
        {
            return CheckedRequest.Refuse(StatusCode.Unauthenticated, Reasons.SignatureInvalid,
                $"signer '{check.Signer.Subject}' is not a registered signing certificate of {client.Member}");
        }

        var metadataDigest = MetadataDigest.Compute(request.Metadata.Select(
            m => KeyValuePair.Create(m.Key, (ReadOnlyMemory<byte>)m.Value.Memory)));
        if (!envelope.PayloadDigest.Span.SequenceEqual(payloadDigest)
            || !envelope.MetadataDigest.Span.SequenceEqual(metadataDigest))
        {
            return CheckedRequest.Refuse(StatusCode.Unauthenticated, Reasons.SignatureInvalid,
                "the payload or metadata differs from what the client's member signed");
        }

        return Admit(envelope, envelopeBytes, client, service);
    }

    private CheckedRequest Admit(Envelope envelope, byte[] envelopeBytes, SubsystemId client, ServiceId service)
    {
        // (5) Clock skew.
        var skew = (evidence.Now - envelope.CreatedAt).Duration();
        if (skew > options.ClockSkew)
        {
            return CheckedRequest.Refuse(StatusCode.FailedPrecondition, Reasons.ClockSkew,
                $"envelope time {envelope.CreatedAt:O} is {skew.TotalSeconds:F0} s from the provider's clock", true);
        }

        // (5) Replays: a message id once per client.
        if (!replays.TryAccept(envelope.Client, envelope.MessageId, envelope.CreatedAt))
        {
            return CheckedRequest.Refuse(StatusCode.AlreadyExists, Reasons.DuplicateMessage,
                $"message id '{envelope.MessageId}' was already used by client {client}", true);
        }

        // (6) Published here, by the services and grants in force now.
        var entries = catalog.Current;
        if (!entries.Services.TryGetValue(service, out var published))
        {
            return CheckedRequest.Refuse(StatusCode.NotFound, Reasons.UnknownService,
                $"service {service} is not published on gateway '{options.Name}'", true);
        }

        // (7) Access rights.
        if (!entries.AccessRights.IsAllowed(client, service, envelope.Method))
        {
            return CheckedRequest.Refuse(StatusCode.PermissionDenied, Reasons.AccessDenied,
                $"client {client} has no grant for {service} method {envelope.Method}", true);
        }

        var bodyLogging = entries.Subsystems.TryGetValue(service.Subsystem.Code, out var local) && local.BodyLogging;
        return new CheckedRequest(
            new VerifiedRequest(envelope, EnvelopeCodec.Hash(envelopeBytes), client, published, bodyLogging), null,
            true);
    }

    private Task<SealedEnvelope> SealAsync(VerifiedRequest request, RegistryAnswer answer)
    {
        var metadata = answer.Headers.Concat(answer.Trailers)
            .Select(m => KeyValuePair.Create(m.Key, (ReadOnlyMemory<byte>)m.Value.Memory));
        return evidence.SealAsync(new Envelope
        {
            Kind = EnvelopeKind.Response,
            MessageId = request.Envelope.MessageId,
            Client = request.Envelope.Client,
            Service = request.Envelope.Service,
            Method = request.Envelope.Method,
            UserId = request.Envelope.UserId,
            Issue = request.Envelope.Issue,
            CreatedAt = evidence.Now,
            PayloadDigest = SHA256.HashData(answer.Payload),
            MetadataDigest = MetadataDigest.Compute(metadata),
            RequestHash = request.EnvelopeHash,
            StatusCode = answer.StatusCode,
            StatusDetail = answer.StatusDetail,
        });
    }

    private async Task LogOrFailAsync(
        CallIdentity call, EnvelopeKind direction, byte[] digest, byte[]? payload, byte[]? envelope,
        byte[]? signature, byte[]? proof, string outcome)
    {
        try
        {
            await evidence.WriteAsync(
                    LogSide.Provider, direction, call, digest, payload, envelope, signature, proof, outcome)
                .ConfigureAwait(false);
        }
        catch (MessageLogException ex)
        {
            Log.LogUnavailable(logger, call.MessageId, ex.Message);
            throw Fail(new GatewayFault(StatusCode.Unavailable, Reasons.LogUnavailable,
                "the provider gateway's message log is unavailable; the call was not answered"));
        }
    }

    private RpcException Fail(GatewayFault fault) => fault.ToException(options.Name, options.Member.ToString());

    private sealed record CheckedRequest(VerifiedRequest? Request, GatewayFault? Fault, bool SignatureValid)
    {
        public static CheckedRequest Refuse(
            StatusCode code, string reason, string message, bool signatureValid = false) =>
            new(null, new GatewayFault(code, reason, message), signatureValid);
    }
}
