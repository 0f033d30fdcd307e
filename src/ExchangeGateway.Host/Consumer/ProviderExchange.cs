using System.Diagnostics;
using System.Security.Cryptography;
using ExchangeGateway.Core.Envelopes;
using ExchangeGateway.Core.Federation;
using ExchangeGateway.Core.Identifiers;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Host.Evidence;
using ExchangeGateway.Host.Exchange.V1;
using ExchangeGateway.Host.Faults;
using ExchangeGateway.Host.Federation;
using ExchangeGateway.Host.Headers;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace ExchangeGateway.Host.Consumer;

/// <summary>
/// Sends a sealed request to the provider member's gateways, in the order the federation lists them, moving on
/// only when a gateway could not be reached at all (so nothing reached a provider), and verifies the response
/// while the provider makes its record durable; the response counts once the provider's OK status follows it
/// (<see cref="ExchangeOutcome.ProviderStatus"/>).
/// </summary>
internal sealed class ProviderExchange(
    PeerChannels channels, FederationState federation, EvidenceLog evidence, RepeatedFailures unreachable)
{
    public async Task<ExchangeOutcome> CallAsync(
        IReadOnlyList<FederationGateway> gateways,
        ExchangeRequest request,
        SealedEnvelope sealedRequest,
        ClientRequest client,
        CancellationToken cancellationToken)
    {
        foreach (var gateway in gateways)
        {
            var exchangeClient = new Exchange.V1.Exchange.ExchangeClient(channels.For(gateway));
            AsyncServerStreamingCall<ExchangeResponse>? call = null;
            try
            {
                var started = Stopwatch.GetTimestamp();
                call = exchangeClient.Call(request, new CallOptions(
                    deadline: client.Deadline, cancellationToken: cancellationToken));
                if (!await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
                {
                    return Malformed("no response message");
                }

                unreachable.Succeeded(gateway.Name);

                evidence.Stages.Record(LogSide.Consumer, CallStages.Exchange, started);
                started = Stopwatch.GetTimestamp();
                var outcome = Verify(call.ResponseStream.Current, sealedRequest, client.Service);
                evidence.Stages.Record(LogSide.Consumer, CallStages.Verify, started);
                if (outcome.Response is null)
                {
                    return outcome;
                }

                // The provider's OK status says its response record is durable: only with it is this the answer.
                // It is awaited while this gateway makes its own record of the response durable.
                var status = ProviderStatusAsync(call, gateway, client.Service, cancellationToken);
                call = null;
                return outcome.Awaiting(status);
            }
            catch (RpcException) when (cancellationToken.IsCancellationRequested)
            {
                // The agency system gave up (or its deadline passed): say so, not a transport error, even when the
                // cancellation surfaced as one, and without trying the member's next gateway.
                return CancelledByCaller();
            }
            catch (RpcException ex) when (Unreached.NeverConnected(ex))
            {
                // Only the call's start and its first message are awaited here: nothing of an answer has come.
                unreachable.Failed(gateway.Name, ex.Status.DebugException?.Message ?? ex.Status.Detail);
            }
            catch (RpcException ex)
            {
                return Failed(ex, gateway, client.Service, "before it answered");
            }
            finally
            {
                call?.Dispose();
            }
        }

        return ExchangeOutcome.Refused(new GatewayFault(StatusCode.Unavailable, Reasons.ProviderUnreachable,
            $"no gateway of {client.Service.Subsystem.Member} could be reached"));
    }

    private static ExchangeOutcome PassThrough(RpcException ex)
    {
        var details = ex.Trailers.GetValueBytes(StatusNames.DetailsTrailer);
        var outcome = StatusNames.Of(ex.StatusCode);
        if (details is not null)
        {
            var status = Google.Rpc.Status.Parser.ParseFrom(details);
            var info = status.Details.Select(d => d.TryUnpack<ErrorInfo>(out var i) ? i : null).OfType<ErrorInfo>()
                .FirstOrDefault();
            outcome = info is null ? outcome : $"{outcome} {info.Reason}";
        }

        var answer = new ClientAnswer
        {
            Outcome = outcome,
            StatusCode = (int)ex.StatusCode,
            Detail = ex.Status.Detail,
            Trailers = details is null ? [] : [KeyValuePair.Create(StatusNames.DetailsTrailer, details)],
        };
        return ExchangeOutcome.PassedThrough(answer, outcome);
    }

    /// <summary>The rest of an exchange whose response came: the provider's status, which must follow it
    /// alone.</summary>
    private async Task<ExchangeOutcome?> ProviderStatusAsync(
        AsyncServerStreamingCall<ExchangeResponse> call, FederationGateway gateway, ServiceId service,
        CancellationToken cancellationToken)
    {
        using (call)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                if (await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
                {
                    return Malformed("a second response message");
                }

                evidence.Stages.Record(LogSide.Consumer, CallStages.ProviderStatus, started);
                return null;
            }
            catch (RpcException) when (cancellationToken.IsCancellationRequested)
            {
                return CancelledByCaller();
            }
            catch (RpcException ex)
            {
                return Failed(ex, gateway, service, "before it confirmed its answer");
            }
        }
    }

    /// <summary>
    /// How an exchange that reached a provider gateway ended without its answer: the provider's status passes
    /// through; a status the gRPC client made itself (the connection failed, the answer was not gRPC or was over
    /// this gateway's limit) is this gateway's refusal, not the provider's answer, and is not tried again elsewhere:
    /// the request may have reached the registry.
    /// </summary>
    private ExchangeOutcome Failed(RpcException ex, FederationGateway gateway, ServiceId service, string when)
    {
        if (Unreached.TooLarge(ex))
        {
            return ExchangeOutcome.Refused(new GatewayFault(StatusCode.ResourceExhausted, Reasons.MessageTooLarge,
                $"the answer of the gateway of {service.Subsystem.Member} is larger than the " +
                $"{channels.ExchangeBytes} bytes accepted (payload and envelope)"));
        }

        if (!Unreached.ClientMade(ex))
        {
            unreachable.Succeeded(gateway.Name);
            return PassThrough(ex);
        }

        unreachable.Failed(gateway.Name, Unreached.Describe(ex));
        return ExchangeOutcome.Refused(new GatewayFault(StatusCode.Unavailable, Reasons.ProviderUnreachable,
            $"the connection to the gateway of {service.Subsystem.Member} failed {when}"));
    }

    private static ExchangeOutcome CancelledByCaller() => ExchangeOutcome.PassedThrough(
        new ClientAnswer { StatusCode = (int)StatusCode.Cancelled, Detail = "cancelled by the caller" },
        "CANCELLED by the caller");

    private static ExchangeOutcome Malformed(string what) =>
        ExchangeOutcome.Refused(new GatewayFault(StatusCode.Unauthenticated, Reasons.SignatureInvalid,
            $"the provider's response failed verification: it sent {what}; an exchange carries exactly one"));

    private ExchangeOutcome Verify(ExchangeResponse response, SealedEnvelope request, ServiceId service)
    {
        var (verified, failure) = Check(response, request, service);
        if (verified is null)
        {
            return ExchangeOutcome.Refused(new GatewayFault(StatusCode.Unauthenticated, Reasons.SignatureInvalid,
                $"the provider's response failed verification: {failure}"));
        }

        var answer = new ClientAnswer
        {
            StatusCode = response.StatusCode,
            Detail = response.StatusDetail,
            Payload = response.StatusCode == 0 || !response.Payload.IsEmpty
                ? ByteStrings.Array(response.Payload)
                : null,
            Headers = response.Headers.Select(h => KeyValuePair.Create(h.Key, h.Value.ToByteArray())).ToList(),
            Trailers = response.Trailers.Select(h => KeyValuePair.Create(h.Key, h.Value.ToByteArray())).ToList(),
            MessageId = request.Envelope.MessageId,
            RequestHash = request.Hash,
            Verified = true,
        };
        return ExchangeOutcome.Verified(verified, answer);
    }

    private (VerifiedResponse? Response, string? Failure) Check(
        ExchangeResponse response, SealedEnvelope request, ServiceId service)
    {
        var bytes = ByteStrings.Array(response.Envelope);
        if (!EnvelopeCodec.TryDecode(bytes, out var envelope, out var decodeFailure))
        {
            return (null, decodeFailure);
        }

        var asked = request.Envelope;
        if (envelope.Kind != EnvelopeKind.Response || envelope.MessageId != asked.MessageId
            || envelope.Client != asked.Client || envelope.Service != asked.Service || envelope.Method != asked.Method)
        {
            return (null, "the response envelope does not name the request's message, client, service and method");
        }

        if (!envelope.RequestHash.Span.SequenceEqual(request.Hash))
        {
            return (null, "the response is not bound to this request's hash");
        }

        var metadata = response.Headers.Concat(response.Trailers)
            .Select(m => KeyValuePair.Create(m.Key, (ReadOnlyMemory<byte>)m.Value.Memory));
        var payloadDigest = SHA256.HashData(response.Payload.Span);
        if (!envelope.PayloadDigest.Span.SequenceEqual(payloadDigest)
            || !envelope.MetadataDigest.Span.SequenceEqual(MetadataDigest.Compute(metadata))
            || envelope.StatusCode != response.StatusCode || envelope.StatusDetail != response.StatusDetail)
        {
            return (null, "the payload, metadata or status differs from what the provider signed");
        }

        var configuration = federation.Current;
        if (configuration is null)
        {
            return (null, "no federation configuration is loaded");
        }

        var signature = ByteStrings.Array(response.Signature);
        var proof = response.Proof.IsEmpty ? null : ByteStrings.Array(response.Proof);
        var check = SignatureVerifier.VerifyMessage(bytes, signature, proof, configuration.Authorities, evidence.Now);
        if (!check.IsValid)
        {
            return (null, check.Failure);
        }

        var member = service.Subsystem.Member;
        return configuration.MemberBySigningCertificate(check.Signer) == member
            ? (new VerifiedResponse(bytes, signature, proof, payloadDigest, response.StatusCode), null)
            : (null, $"signer '{check.Signer.Subject}' is not a registered signing certificate of {member}");
    }
}
