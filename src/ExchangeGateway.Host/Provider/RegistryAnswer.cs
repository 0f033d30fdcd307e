using ExchangeGateway.Host.Evidence;
using ExchangeGateway.Host.Exchange.V1;
using ExchangeGateway.Host.Faults;
using ExchangeGateway.Host.Headers;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Grpc.Core;

namespace ExchangeGateway.Host.Provider;

/// <summary>
/// What the registry answered, whatever it was: status, detail, headers, trailers and payload, exactly as they
/// came. A registry that cannot be reached, whose connection fails before it has answered, that answers other than
/// in gRPC, or whose message is over the gateway's limit, becomes a gateway fault instead: that status was made on
/// this side by the gRPC client, not sent by the registry, and is not signed as its answer.
/// </summary>
internal sealed class RegistryAnswer
{
    private RegistryAnswer()
    {
    }

    public int StatusCode { get; private init; }

    public string StatusDetail { get; private init; } = "";

    public byte[] Payload { get; private init; } = [];

    public List<MetadataEntry> Headers { get; private init; } = [];

    public List<MetadataEntry> Trailers { get; private init; } = [];

    public GatewayFault? Fault { get; private init; }

    /// <summary>What the gRPC client said of a registry it could not reach, for the provider's own log only (it
    /// names the registry's address, which the consumer's side is not told).</summary>
    public string? ClientError { get; private init; }

    public static async Task<RegistryAnswer> CallAsync(
        RegistryInvoker registries,
        VerifiedRequest request,
        byte[] payload,
        RepeatedField<MetadataEntry> metadata,
        CallIdentity call,
        ServerCallContext context)
    {
        var headers = new Metadata
        {
            { XRoadHeaders.Client, call.Client },
            { XRoadHeaders.Service, call.Service },
            { XRoadHeaders.MessageId, call.MessageId },
        };
        AddIfPresent(headers, XRoadHeaders.UserId, call.UserId);
        AddIfPresent(headers, XRoadHeaders.Issue, call.Issue);
        AddIfPresent(headers, XRoadHeaders.Subject, call.Subject);
        foreach (var entry in metadata.Where(m => MetadataFilter.Passes(m.Key)))
        {
            if (MetadataFilter.IsBinary(entry.Key))
            {
                headers.Add(entry.Key, entry.Value.ToByteArray());
            }
            else
            {
                headers.Add(entry.Key, entry.Value.ToStringUtf8());
            }
        }

        var deadline = context.Deadline == DateTime.MaxValue ? (DateTime?)null : context.Deadline;
        using var registryCall = registries.Call(request.Service.Registry, request.Service.Id.Name,
            request.Envelope.Method, payload, headers, deadline, context.CancellationToken);
        try
        {
            var responseHeaders = await registryCall.ResponseHeadersAsync.ConfigureAwait(false);
            var response = await registryCall.ResponseAsync.ConfigureAwait(false);
            return Answered(registryCall.GetStatus(), responseHeaders, registryCall.GetTrailers(), response);
        }
        catch (RpcException ex) when (context.CancellationToken.IsCancellationRequested
                                      && ex.Status.DebugException is not null
                                      && ex.StatusCode != Grpc.Core.StatusCode.DeadlineExceeded)
        {
            // The consumer gateway went away (its caller gave up) and the registry call failed on this side, not by
            // a status the registry sent: it was cancelled with the call, whatever the cancellation surfaced as (now
            // and then UNAVAILABLE, "Error starting gRPC call. IOException: The request was aborted.").
            var responseHeaders = await HeadersOrEmptyAsync(registryCall).ConfigureAwait(false);
            return Answered(new Status(Grpc.Core.StatusCode.Cancelled, "cancelled by the consumer gateway"),
                responseHeaders, ex.Trailers, []);
        }
        catch (RpcException ex) when (Unreached.TooLarge(ex))
        {
            return new RegistryAnswer
            {
                Fault = new GatewayFault(Grpc.Core.StatusCode.ResourceExhausted, Reasons.MessageTooLarge,
                    $"the registry of {request.Service.Id} answered with a message larger than the " +
                    $"{registries.MaxMessageBytes} bytes accepted"),
            };
        }
        catch (RpcException ex) when (Unreached.ClientMade(ex))
        {
            var service = request.Service.Id;
            var message = Unreached.NeverConnected(ex) ? $"the registry of {service} could not be reached"
                : Unreached.NotGrpc(ex) ? $"the registry of {service} did not answer in gRPC"
                : $"the connection to the registry of {service} failed before it answered";
            return new RegistryAnswer
            {
                Fault = new GatewayFault(Grpc.Core.StatusCode.Unavailable, Reasons.RegistryUnreachable, message),
                ClientError = Unreached.Describe(ex),
            };
        }
        catch (RpcException ex)
        {
            var responseHeaders = await HeadersOrEmptyAsync(registryCall).ConfigureAwait(false);
            return Answered(ex.Status, responseHeaders, ex.Trailers, []);
        }
    }

    public ExchangeResponse ToResponse(SealedEnvelope envelope)
    {
        var response = new ExchangeResponse
        {
            Envelope = UnsafeByteOperations.UnsafeWrap(envelope.Bytes),
            Signature = UnsafeByteOperations.UnsafeWrap(envelope.Signature),
            Proof = UnsafeByteOperations.UnsafeWrap(envelope.Proof),
            Payload = UnsafeByteOperations.UnsafeWrap(Payload),
            StatusCode = StatusCode,
            StatusDetail = StatusDetail,
        };
        response.Headers.AddRange(Headers);
        response.Trailers.AddRange(Trailers);
        return response;
    }

    private static RegistryAnswer Answered(Status status, Metadata headers, Metadata trailers, byte[] payload) => new()
    {
        StatusCode = (int)status.StatusCode,
        StatusDetail = status.Detail,
        Payload = payload,
        Headers = Entries(headers),
        Trailers = Entries(trailers),
    };

    private static List<MetadataEntry> Entries(Metadata metadata) => metadata
        .Where(m => MetadataFilter.Passes(m.Key) || m.Key == StatusNames.DetailsTrailer)
        .Select(m => new MetadataEntry
        {
            Key = m.Key,
            Value = m.IsBinary ? ByteString.CopyFrom(m.ValueBytes) : ByteString.CopyFromUtf8(m.Value),
        })
        .ToList();

    private static async Task<Metadata> HeadersOrEmptyAsync(AsyncUnaryCall<byte[]> call)
    {
        try
        {
            return await call.ResponseHeadersAsync.ConfigureAwait(false);
        }
        catch (RpcException)
        {
            return [];
        }
    }

    private static void AddIfPresent(Metadata headers, string key, string value)
    {
        if (value.Length > 0)
        {
            headers.Add(key, value);
        }
    }
}
