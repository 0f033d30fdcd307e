using ExchangeGateway.Host.Configuration;
using ExchangeGateway.Host.Faults;
using Grpc.Core;

namespace ExchangeGateway.Host.Audit;

/// <summary>The audit API's refusals, as gRPC errors with the gateway's rich status.</summary>
internal sealed class AuditFaults(GatewayOptions options)
{
    public RpcException Raise(StatusCode code, string reason, string message) =>
        new GatewayFault(code, reason, message).ToException(options.Name, options.Member.ToString());

    public RpcException BadRequest(string message) =>
        Raise(StatusCode.InvalidArgument, Reasons.BadRequest, message);
}
