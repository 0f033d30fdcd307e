using Grpc.Core;

namespace ExchangeGateway.Registries.Hosting;

/// <summary>The one place that turns a refused query into a gRPC status.</summary>
internal static class RegistryErrors
{
    public static RpcException InvalidArgument(string detail) => new(new Status(StatusCode.InvalidArgument, detail));

    /// <summary>
    /// NOT_FOUND, with a trailer naming the registry, so that callers behind a gateway see who answered.
    /// </summary>
    public static RpcException NotFound(string registry, string detail) =>
        new(new Status(StatusCode.NotFound, detail), new Metadata { { RegistryHeaders.RegistryRecord, registry } });
}
