using ExchangeGateway.Host.Exchange.V1;
using Grpc.Core;

namespace ExchangeGateway.Host.Provider;

/// <summary>
/// The exchange endpoint's gRPC service: hands each call from a peer gateway to <see cref="ProviderCall"/>.
/// </summary>
internal sealed class ExchangeService(ProviderCall provider) : Exchange.V1.Exchange.ExchangeBase
{
    /// <inheritdoc />
    public override Task Call(
        ExchangeRequest request, IServerStreamWriter<ExchangeResponse> responseStream, ServerCallContext context) =>
        provider.HandleAsync(request, responseStream, context);
}
