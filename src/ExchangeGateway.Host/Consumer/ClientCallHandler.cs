using System.Diagnostics;
using ExchangeGateway.Core.MessageLog;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace ExchangeGateway.Host.Consumer;

/// <summary>
/// The client endpoint's only request handler: any gRPC path is a call to route, answered the way a registry would
/// have answered it (<see cref="ClientAnswer.WriteAsync"/>).
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
        await answer.WriteAsync(context).ConfigureAwait(false);

        // As on the provider's side, only for the provider's answer: a refusal's time is not a call's.
        if (answer.Verified)
        {
            stages.Record(LogSide.Consumer, CallStages.Answered, started);
        }
    }
}
