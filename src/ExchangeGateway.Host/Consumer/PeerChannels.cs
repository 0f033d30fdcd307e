using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Federation;
using ExchangeGateway.Host.Configuration;
using ExchangeGateway.Host.Federation;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace ExchangeGateway.Host.Consumer;

/// <summary>
/// One mutual-TLS HTTP/2 channel per provider gateway, reused across calls. The server certificate must chain to
/// a federation CA and be registered, in the configuration in force at the handshake, to the gateway dialled.
/// </summary>
internal sealed class PeerChannels(
    GatewayOptions options, FederationState federation, TimeProvider time, ILogger<PeerChannels> logger) : IDisposable
{
    private readonly ConcurrentDictionary<(string Name, Uri Address), GrpcChannel> _channels = new();

    /// <summary>The largest exchange message sent or accepted: the largest payload, with room for its envelope.
    /// </summary>
    public int ExchangeBytes => options.MaxMessageBytes + Envelopes;

    public GrpcChannel For(FederationGateway gateway) =>
        _channels.GetOrAdd((gateway.Name, gateway.Address), key => Open(key.Name, key.Address));

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }
    }

    private GrpcChannel Open(string name, Uri address)
    {
        var tls = new SslClientAuthenticationOptions
        {
            EnabledSslProtocols = SslProtocols.Tls13,
            ClientCertificates = [options.TlsCertificate],
            LocalCertificateSelectionCallback = (_, _, _, _, _) => options.TlsCertificate,
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is X509Certificate2 peer && Accept(name, peer),
        };
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            MaxReceiveMessageSize = ExchangeBytes,
            MaxSendMessageSize = ExchangeBytes,

            // The channel owns its handler: disposing it closes the connections, not only the channel.
            DisposeHttpClient = true,
            HttpHandler = new SocketsHttpHandler
            {
                SslOptions = tls,
                EnableMultipleHttp2Connections = true,
                ConnectTimeout = TimeSpan.FromSeconds(5),
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
                KeepAlivePingDelay = TimeSpan.FromSeconds(60),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
            },
        });
    }

    /// <summary>Room for envelopes, signatures and metadata beside the largest payload.</summary>
    private const int Envelopes = 256 * 1024;

    private bool Accept(string expectedGateway, X509Certificate2 peer)
    {
        var configuration = federation.Current;
        var failure = PeerCertificates.Check(peer, configuration, time.GetUtcNow(), asServer: true);
        var registered = configuration?.GatewayByTlsCertificate(peer);
        if (failure is null && registered?.Name != expectedGateway)
        {
            failure = $"certificate is not registered to gateway '{expectedGateway}'";
        }

        if (failure is not null)
        {
            Log.PeerCertificateRefused(logger, peer.Subject, failure);
            return false;
        }

        return true;
    }
}
