using ExchangeGateway.Host.Faults;
using ExchangeGateway.Host.Headers;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ExchangeGateway.Host.Consumer;

/// <summary>What the consumer gateway answers the agency system: the registry's answer or a refusal.</summary>
internal sealed record ClientAnswer
{
    public required int StatusCode { get; init; }

    public required string Detail { get; init; }

    public byte[]? Payload { get; init; }

    public IReadOnlyList<KeyValuePair<string, byte[]>> Headers { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, byte[]>> Trailers { get; init; } = [];

    public string? MessageId { get; init; }

    public byte[]? RequestHash { get; init; }

    /// <summary>Whether this is the provider's verified response, as the provider sent it (not a refusal of either
    /// gateway's): the calls whose time in the gateway <see cref="CallStages.Answered"/> measures.</summary>
    public bool Verified { get; init; }

    /// <summary>The outcome as the message log records it: the status name, with a gateway's reason when one
    /// refused; null for the status name alone.</summary>
    public string? Outcome { get; init; }

    public static ClientAnswer From(GatewayFault fault, string gateway, string member, string? messageId) => new()
    {
        Outcome = fault.Outcome,
        StatusCode = (int)fault.Code,
        Detail = fault.Message,
        Trailers = [KeyValuePair.Create(StatusNames.DetailsTrailer, fault.ToStatus(gateway, member).ToByteArray())],
        MessageId = messageId,
    };

    /// <summary>Writes this answer the way a registry would have: headers, at most one message, then
    /// <c>grpc-status</c>, <c>grpc-message</c> and trailers.</summary>
    public async Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        foreach (var (key, value) in Headers)
        {
            response.Headers.Append(key, Text(key, value));
        }

        if (MessageId is not null)
        {
            response.Headers[XRoadHeaders.MessageId] = MessageId;
        }

        if (RequestHash is not null)
        {
            response.Headers[XRoadHeaders.RequestHash] = Convert.ToHexStringLower(RequestHash);
        }

        if (Payload is not null)
        {
            await GrpcFrames.WriteAsync(response.BodyWriter, Payload, context.RequestAborted).ConfigureAwait(false);
        }
        else
        {
            await response.StartAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var trailers = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers;
        if (trailers is null)
        {
            return;
        }

        trailers["grpc-status"] = StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Detail.Length > 0)
        {
            trailers["grpc-message"] = StatusMessage.Encode(Detail);
        }

        foreach (var (key, value) in Trailers)
        {
            trailers.Append(key, Text(key, value));
        }
    }

    private static string Text(string key, byte[] value) =>
        MetadataFilter.IsBinary(key) ? Base64.Encode(value) : System.Text.Encoding.ASCII.GetString(value);
}
