using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace ExchangeGateway.Host.Faults;

/// <summary>
/// A refusal the gateway itself raises: a gRPC status code, a stable reason and a message for people.
/// </summary>
/// <param name="Code">The gRPC status code.</param>
/// <param name="Reason">One of <see cref="Reasons"/>.</param>
/// <param name="Message">What went wrong, in words an agency engineer can act on. Never a stack trace.</param>
public sealed record GatewayFault(StatusCode Code, string Reason, string Message)
{
    /// <summary>The outcome as the message log writes it, e.g. <c>PERMISSION_DENIED ACCESS_DENIED</c>.</summary>
    public string Outcome => $"{StatusNames.Of(Code)} {Reason}";

    /// <summary>The rich status: <c>google.rpc.Status</c> with one <c>ErrorInfo</c> naming the gateway.</summary>
    public Google.Rpc.Status ToStatus(string gateway, string member) => new()
    {
        Code = (int)Code,
        Message = Message,
        Details =
        {
            Any.Pack(new ErrorInfo
            {
                Reason = Reason,
                Domain = $"exchange-gateway/{gateway}",
                Metadata = { ["gateway"] = gateway, ["member"] = member },
            }),
        },
    };

    /// <summary>The fault as an exception for gRPC service code, carrying the rich status in its trailers.</summary>
    public RpcException ToException(string gateway, string member)
    {
        var status = ToStatus(gateway, member);
        var trailers = new Metadata { { StatusNames.DetailsTrailer, status.ToByteArray() } };
        return new RpcException(new Grpc.Core.Status(Code, Message), trailers);
    }
}
