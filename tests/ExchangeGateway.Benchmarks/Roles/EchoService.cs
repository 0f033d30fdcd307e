using ExchangeGateway.Testing.V1;
using Grpc.Core;

namespace ExchangeGateway.Benchmarks.Roles;

/// <summary>The benchmark registry's service: answers with the payload it was sent, so request and reply are the
/// same size. It does nothing else, so that what is measured is the path, not the registry.</summary>
internal sealed class EchoService : Echo.EchoBase
{
    public override Task<EchoReply> Say(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(new EchoReply { Payload = request.Payload });
}
