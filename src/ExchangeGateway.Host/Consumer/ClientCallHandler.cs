using System.Diagnostics;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Host.Headers;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ExchangeGateway.Host.Consumer;

/// <summary>
/// The client endpoint's only request handler: any gRPC path is a call to route. Writes the answer the way a
/// registry would have: headers, at most one message, then <c>grpc-status</c>, <c>grpc-message</c> and trailers.
/// </summary>
internal sealed class ClientCallHandler(ConsumerCall consumer, GatewayHealth health, CallStages stages)
{
    private const string HealthCheckPath = "/grpc.health.v1.Health/Check";

    public async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var answer = context.Request.Path == HealthCheckPath
            ? new ClientAnswer { StatusCode = 0, Detail = "", Payload = HealthService.Answer(health).ToByteArray() }
            : await consumer.HandleAsync(context).ConfigureAwait(false);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        foreach (var (key, value) in answer.Headers)
        {
            response.Headers.Append(key, Text(key, value));
        }

        if (answer.MessageId is not null)
        {
            response.Headers[XRoadHeaders.MessageId] = answer.MessageId;
        }

        if (answer.RequestHash is not null)
        {
            response.Headers[XRoadHeaders.RequestHash] = Convert.ToHexStringLower(answer.RequestHash);
        }

        if (answer.Payload is not null)
        {
            await GrpcFrames.WriteAsync(response.BodyWriter, answer.Payload, context.RequestAborted)
                .ConfigureAwait(false);
        }
        else
        {
            await response.StartAsync(context.RequestAborted).ConfigureAwait(false);
        }

        // As on the provider's side, only for the provider's answer: a refusal's time is not a call's.
        if (answer.Verified)
        {
            stages.Record(LogSide.Consumer, CallStages.Answered, started);
        }

        var trailers = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers;
        if (trailers is null)
        {
            return;
        }

        trailers["grpc-status"] = answer.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (answer.Detail.Length > 0)
        {
            trailers["grpc-message"] = StatusMessage.Encode(answer.Detail);
        }

        foreach (var (key, value) in answer.Trailers)
        {
            trailers.Append(key, Text(key, value));
        }
    }

    private static string Text(string key, byte[] value) =>
        MetadataFilter.IsBinary(key) ? Base64.Encode(value) : System.Text.Encoding.ASCII.GetString(value);
}
