using Grpc.Core;

namespace ExchangeGateway.Host.Provider;

/// <summary>Passes message bytes through untouched: the gateway never needs the registry's schema.</summary>
internal static class RawMarshaller
{
    public static readonly Marshaller<byte[]> Instance = Marshallers.Create(bytes => bytes, bytes => bytes);
}
