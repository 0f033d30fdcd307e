using ExchangeGateway.Host.Exchange.V1;
using Grpc.Core;

namespace ExchangeGateway.Host.Tests.Support;

/// <summary>Calls a provider gateway's exchange endpoint as a peer gateway does: one response message, then the
/// status.</summary>
public static class ExchangeCalls
{
    /// <summary>The one response message, once the call's status says OK; a failed status throws
    /// <see cref="RpcException"/>, as a unary call's would.</summary>
    public static async Task<ExchangeResponse> CallOnceAsync(
        this Exchange.V1.Exchange.ExchangeClient client, ExchangeRequest request,
        CancellationToken cancellationToken = default)
    {
        using var call = client.Call(request, cancellationToken: cancellationToken);
        if (!await call.ResponseStream.MoveNext(cancellationToken))
        {
            throw new InvalidOperationException("the provider ended the exchange without a response message");
        }

        var response = call.ResponseStream.Current;
        if (await call.ResponseStream.MoveNext(cancellationToken))
        {
            throw new InvalidOperationException("the provider sent a second response message");
        }

        return response;
    }
}
