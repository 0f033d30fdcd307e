using System.Diagnostics;
using System.Security.Cryptography;
using ExchangeGateway.Core.Envelopes;
using ExchangeGateway.Core.Federation;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Host.Configuration;
using ExchangeGateway.Host.Evidence;
using ExchangeGateway.Host.Exchange.V1;
using ExchangeGateway.Host.Faults;
using ExchangeGateway.Host.Federation;
using ExchangeGateway.Host.Headers;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ExchangeGateway.Host.Consumer;

/// <summary>
/// The consumer side of one call, from the agency system's request to the answer it gets.
/// </summary>
/// <remarks>
/// Stages: (1) the message id and the federation configuration; (2) admission: identities parse, the client is
/// ours and authenticated (<see cref="ClientAdmission"/>); (3) the service resolves to provider gateways;
/// (4) the one request message is read; (5) the request envelope is sealed and its record written; (6) the exchange
/// call goes to the provider's gateways in turn until one is reached, while the request record commits; (7) once
/// the request record is durable, the response is verified, logged durably and only then answered. A refusal at
/// any stage is logged before it is answered.
/// </remarks>
internal sealed class ConsumerCall(
    GatewayOptions options,
    FederationState federation,
    EvidenceLog evidence,
    ClientAdmission admission,
    ProviderExchange exchange,
    ServiceCatalog catalog,
    GatewayHealth health,
    ReplayGuard replays,
    ILogger<ConsumerCall> logger)
{
    private const string Side = "consumer";

    public async Task<ClientAnswer> HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();

        // (1)
        var (messageId, idFault) = ClientAdmission.MessageId(context);
        var claimed = ClientAdmission.Claimed(context, messageId);
        if (idFault is not null)
        {
            return await RefuseAsync(claimed, idFault, []).ConfigureAwait(false);
        }

        var configuration = federation.Current;
        var unhealthy = health.Fault();
        if (unhealthy is not null || configuration is null)
        {
            return await RefuseAsync(claimed, unhealthy ?? new GatewayFault(StatusCode.Unavailable,
                Reasons.ConfigurationExpired, "no federation configuration is loaded"), []).ConfigureAwait(false);
        }

        // (2)
        var (request, admissionFault) = admission.Admit(context, claimed);
        if (request is null)
        {
            return await RefuseAsync(claimed, admissionFault!, []).ConfigureAwait(false);
        }

        // Counted from the call's arrival: the envelope is made once the payload is read, and the provider guards it
        // again from the envelope's own signed time.
        if (!replays.TryAccept(request.Call.Client, request.Call.MessageId, evidence.Now))
        {
            return await RefuseAsync(request.Call, new GatewayFault(StatusCode.AlreadyExists, Reasons.DuplicateMessage,
                $"message id '{request.Call.MessageId}' was already used by client {request.Call.Client}"), [])
                .ConfigureAwait(false);
        }

        // (3)
        var gateways = Resolve(configuration, request, out var resolveFault);
        if (resolveFault is not null)
        {
            return await RefuseAsync(request.Call, resolveFault, []).ConfigureAwait(false);
        }

        // (4)
        var (payload, failure, tooLarge) = await GrpcFrames.ReadSingleAsync(
            context.Request.BodyReader, options.MaxMessageBytes, context.RequestAborted).ConfigureAwait(false);
        if (payload is null)
        {
            var fault = tooLarge
                ? new GatewayFault(StatusCode.ResourceExhausted, Reasons.MessageTooLarge, failure!)
                : new GatewayFault(StatusCode.InvalidArgument, Reasons.BadRequest, failure!);
            return await RefuseAsync(request.Call, fault, []).ConfigureAwait(false);
        }

        // (5) to (7)
        var metadata = Forwarded(context.Request.Headers);
        if (metadata is null)
        {
            return await RefuseAsync(request.Call, new GatewayFault(StatusCode.InvalidArgument, Reasons.BadRequest,
                "a binary (-bin) metadata value is not base64"), SHA256.HashData(payload)).ConfigureAwait(false);
        }

        var answer = await ExchangeAsync(request, gateways, payload, metadata, context.RequestAborted)
            .ConfigureAwait(false);
        // As the settings file says now: an operator turns the lines on for an incident without a restart.
        if (catalog.Current.LogCalls)
        {
            Log.Exchange(logger, Side, request.Call.MessageId, request.Call.Client, request.Call.Service,
                request.Call.Method, answer.Outcome ?? StatusNames.Of((StatusCode)answer.StatusCode),
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return answer;
    }

    private static IReadOnlyList<FederationGateway> Resolve(
        FederationConfiguration configuration, ClientRequest request, out GatewayFault? fault)
    {
        fault = null;
        var provider = request.Service.Subsystem;
        if (!configuration.HasSubsystem(provider))
        {
            fault = new GatewayFault(StatusCode.NotFound, Reasons.UnknownService,
                $"subsystem {provider} is not in the federation configuration");
            return [];
        }

        var gateways = configuration.GatewaysOf(provider.Member);
        if (gateways.Count == 0)
        {
            fault = new GatewayFault(StatusCode.NotFound, Reasons.UnknownService,
                $"member {provider.Member} has no gateway in the federation configuration");
        }

        return gateways;
    }

    private async Task<ClientAnswer> ExchangeAsync(
        ClientRequest request, IReadOnlyList<FederationGateway> gateways, byte[] payload, List<MetadataEntry> metadata,
        CancellationToken cancellationToken)
    {
        var call = request.Call;
        var payloadDigest = SHA256.HashData(payload);
        var sealedRequest = await evidence.SealAsync(new Envelope
        {
            Kind = EnvelopeKind.Request,
            MessageId = call.MessageId,
            Client = call.Client,
            Service = call.Service,
            Method = call.Method,
            UserId = call.UserId,
            Issue = call.Issue,
            CreatedAt = evidence.Now,
            PayloadDigest = payloadDigest,
            MetadataDigest = MetadataDigest.Compute(
                metadata.Select(m => KeyValuePair.Create(m.Key, (ReadOnlyMemory<byte>)m.Value.Memory))),
        }).ConfigureAwait(false);
        var logged = request.Client.BodyLogging ? payload : null;

        // The request record is committed while the request travels: it must be durable before the answer
        // leaves (and before the response record follows it), not before the provider sees the request.
        var requestLogged = TryLogAsync(call, EnvelopeKind.Request, payloadDigest, logged, sealedRequest.Bytes,
            sealedRequest.Signature, sealedRequest.Proof, "OK");
        var exchangeRequest = new ExchangeRequest
        {
            Envelope = UnsafeByteOperations.UnsafeWrap(sealedRequest.Bytes),
            Signature = UnsafeByteOperations.UnsafeWrap(sealedRequest.Signature),
            Proof = UnsafeByteOperations.UnsafeWrap(sealedRequest.Proof),
            Payload = UnsafeByteOperations.UnsafeWrap(payload),
            Subject = call.Subject,
        };
        exchangeRequest.Metadata.AddRange(metadata);
        var outcome = await exchange.CallAsync(gateways, exchangeRequest, sealedRequest, request, cancellationToken)
            .ConfigureAwait(false);
        return await requestLogged.ConfigureAwait(false)
            ? await AnswerAsync(request, outcome).ConfigureAwait(false)
            : LogUnavailable(call);
    }

    private async Task<ClientAnswer> AnswerAsync(ClientRequest request, ExchangeOutcome outcome)
    {
        var call = request.Call;
        if (outcome.Answer is null)
        {
            if (!await TryLogAsync(call, EnvelopeKind.Response, [], null, null, null, null, outcome.LogOutcome)
                    .ConfigureAwait(false))
            {
                return LogUnavailable(call);
            }

            if (outcome.Fault is not null)
            {
                Log.Refused(logger, Side, call.MessageId, call.Client, call.Service, call.Method,
                    outcome.Fault.Outcome, outcome.Fault.Message);
                return ClientAnswer.From(outcome.Fault, options.Name, options.Member.ToString(), call.MessageId);
            }

            // The provider's own refusal, as it sent it, with the message id that finds the call in both logs.
            return outcome.Passthrough! with { MessageId = call.MessageId };
        }

        // The verified response is logged while the provider's status, which confirms it, is still to come.
        var response = outcome.Response!;
        var payload = request.Client.BodyLogging ? outcome.Answer.Payload ?? [] : null;
        var logging = TryLogAsync(call, EnvelopeKind.Response, response.PayloadDigest, payload, response.Envelope,
            response.Signature, response.Proof, StatusNames.Of((StatusCode)response.StatusCode));
        var failure = outcome.ProviderStatus is { } status ? await status.ConfigureAwait(false) : null;
        if (!await logging.ConfigureAwait(false))
        {
            return LogUnavailable(call);
        }

        // A failed status (the provider could not make its record of the response durable, the caller gave up)
        // means the response is not the answer: a second record says how the exchange ended, and the client gets
        // that instead.
        return failure is null ? outcome.Answer : await AnswerAsync(request, failure).ConfigureAwait(false);
    }

    private static List<MetadataEntry>? Forwarded(IHeaderDictionary headers)
    {
        var entries = new List<MetadataEntry>();
        foreach (var (key, values) in headers)
        {
            if (!MetadataFilter.Passes(key))
            {
                continue;
            }

            foreach (var value in values)
            {
                var bytes = MetadataFilter.IsBinary(key)
                    ? Base64.TryDecode(value ?? "")
                    : System.Text.Encoding.UTF8.GetBytes(value ?? "");
                if (bytes is null)
                {
                    return null;
                }

                entries.Add(new MetadataEntry { Key = key.ToLowerInvariant(), Value = ByteString.CopyFrom(bytes) });
            }
        }

        return entries;
    }

    private async Task<ClientAnswer> RefuseAsync(CallIdentity call, GatewayFault fault, byte[] payloadDigest)
    {
        Log.Refused(logger, Side, call.MessageId, call.Client, call.Service, call.Method, fault.Outcome, fault.Message);
        if (!await TryLogAsync(call, EnvelopeKind.Request, payloadDigest, null, null, null, null, fault.Outcome)
                .ConfigureAwait(false))
        {
            return LogUnavailable(call);
        }

        return ClientAnswer.From(fault, options.Name, options.Member.ToString(), call.MessageId);
    }

    private async Task<bool> TryLogAsync(
        CallIdentity call, EnvelopeKind direction, byte[] digest, byte[]? payload, byte[]? envelope,
        byte[]? signature, byte[]? proof, string outcome)
    {
        try
        {
            await evidence.WriteAsync(
                    LogSide.Consumer, direction, call, digest, payload, envelope, signature, proof, outcome)
                .ConfigureAwait(false);
            return true;
        }
        catch (MessageLogException ex)
        {
            Log.LogUnavailable(logger, call.MessageId, ex.Message);
            return false;
        }
    }

    private ClientAnswer LogUnavailable(CallIdentity call) => ClientAnswer.From(
        new GatewayFault(StatusCode.Unavailable, Reasons.LogUnavailable,
            "the consumer gateway's message log is unavailable; the call was not completed"),
        options.Name, options.Member.ToString(), call.MessageId);
}
