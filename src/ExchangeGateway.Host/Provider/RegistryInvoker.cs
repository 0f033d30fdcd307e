using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Net.Client;

namespace ExchangeGateway.Host.Provider;

/// <summary>Calls registries with raw bytes, one HTTP/2 channel per registry address, reused across calls.</summary>
internal sealed class RegistryInvoker(int maxMessageBytes) : IDisposable
{
    private readonly ConcurrentDictionary<Uri, GrpcChannel> _channels = new();
    private readonly ConcurrentDictionary<string, Method<byte[], byte[]>> _methods = new(StringComparer.Ordinal);

    /// <summary>The largest message sent to or accepted from a registry.</summary>
    public int MaxMessageBytes => maxMessageBytes;

    /// <summary>Starts a unary call to <paramref name="registry"/>.</summary>
    public AsyncUnaryCall<byte[]> Call(
        Uri registry, string service, string method, byte[] payload, Metadata headers,
        DateTime? deadline, CancellationToken cancellationToken)
    {
        var channel = _channels.GetOrAdd(registry, Open);
        var descriptor = _methods.GetOrAdd($"/{service}/{method}", _ => new Method<byte[], byte[]>(
            MethodType.Unary, service, method, RawMarshaller.Instance, RawMarshaller.Instance));
        var options = new CallOptions(headers, deadline, cancellationToken);
        return channel.CreateCallInvoker().AsyncUnaryCall(descriptor, null, options, payload);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }
    }

    private GrpcChannel Open(Uri address) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        MaxReceiveMessageSize = maxMessageBytes,
        MaxSendMessageSize = maxMessageBytes,

        // The channel owns its handler: disposing it closes the connections, not only the channel.
        DisposeHttpClient = true,
        HttpHandler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        },
    });
}
