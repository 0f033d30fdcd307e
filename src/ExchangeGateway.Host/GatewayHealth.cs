using ExchangeGateway.Host.Faults;
using ExchangeGateway.Host.Federation;
using ExchangeGateway.Host.Timestamping;
using Grpc.Core;

namespace ExchangeGateway.Host;

/// <summary>
/// Whether the gateway may carry traffic: a current federation configuration, and a message log whose records are
/// time-stamped within the allowed age. Both sides refuse calls, and grpc.health.v1 says NOT_SERVING, otherwise.
/// </summary>
public sealed class GatewayHealth(FederationState federation, LogTimestamper? timestamper, TimeProvider time)
{
    /// <summary>Null when serving; otherwise the fault every new call gets.</summary>
    public GatewayFault? Fault()
    {
        var configuration = federation.Current;
        if (configuration is null || configuration.IsExpired(time.GetUtcNow()))
        {
            return new GatewayFault(StatusCode.Unavailable, Reasons.ConfigurationExpired,
                "the gateway's federation configuration has expired or was never loaded; no traffic until a new " +
                "one is loaded");
        }

        if (timestamper is not null && !timestamper.IsServing)
        {
            return new GatewayFault(StatusCode.Unavailable, Reasons.TimestampingFailed,
                $"records logged since {timestamper.StampedUpTo:O} are still unstamped, longer than the gateway " +
                "allows: new calls are refused until a time-stamping authority answers");
        }

        return null;
    }
}
