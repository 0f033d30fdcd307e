using Grpc.Core;
using Grpc.Health.V1;

namespace ExchangeGateway.Host;

/// <summary>
/// grpc.health.v1 on the exchange endpoint: SERVING exactly when <see cref="GatewayHealth"/> has no fault.
/// </summary>
internal sealed class HealthService(GatewayHealth health) : Health.HealthBase
{
    /// <inheritdoc />
    public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context) =>
        Task.FromResult(Answer(health));

    /// <summary>The health answer for the whole gateway (service name ignored: one gateway, one status).</summary>
    public static HealthCheckResponse Answer(GatewayHealth health) => new()
    {
        Status = health.Fault() is null
            ? HealthCheckResponse.Types.ServingStatus.Serving
            : HealthCheckResponse.Types.ServingStatus.NotServing,
    };
}
