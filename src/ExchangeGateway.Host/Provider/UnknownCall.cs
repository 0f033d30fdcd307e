using ExchangeGateway.Core.Identifiers;
using ExchangeGateway.Host.Configuration;
using ExchangeGateway.Host.Consumer;
using ExchangeGateway.Host.Faults;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ExchangeGateway.Host.Provider;

/// <summary>
/// The exchange endpoint's answer to a path it does not serve, such as an agency system's call sent to a gateway's
/// exchange endpoint instead of its own gateway's client endpoint: <c>UNIMPLEMENTED</c> with the stable reason
/// <c>UNKNOWN_SERVICE</c>, logged as a refusal, where gRPC's own answer carried no reason and left no line.
/// </summary>
internal sealed class UnknownCall(GatewayOptions options, ILogger logger)
{
    public Task AnswerAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var fault = new GatewayFault(StatusCode.Unimplemented, Reasons.UnknownService,
            $"'{path}' is not served on the exchange endpoint of gateway '{options.Name}', which takes calls from " +
            "other gateways only: agency systems call their own gateway's client endpoint");

        // The line names the caller by its TLS certificate, as the endpoint knows it.
        var (service, method) = MethodPath.TryParse(path, out var parsed, out _)
            ? (parsed.Service, parsed.Method)
            : (path, "-");
        var peer = context.Connection.ClientCertificate?.Subject ?? "none";
        Log.Refused(logger, "provider", "-", "-", service, method, fault.Outcome,
            $"{fault.Message} (peer certificate '{peer}')");
        return ClientAnswer.From(fault, options.Name, options.Member.ToString(), null).WriteAsync(context);
    }
}
