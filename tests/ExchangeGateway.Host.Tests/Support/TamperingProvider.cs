using System.Net;
using ExchangeGateway.Host.Exchange.V1;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExchangeGateway.Host.Tests.Support;

/// <summary>
/// A man in the middle with the provider gateway's own TLS identity: forwards to the real provider, then changes
/// the response it got back, as a compromised network path or gateway could: the message, how many messages, or
/// the status that ends the exchange.
/// </summary>
public sealed class TamperingProvider : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TamperingProvider(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Answers with the messages <paramref name="answers"/> makes of the real response, then ends the
    /// exchange with <paramref name="endWith"/>, or OK when null, or drops the exchange's stream instead when
    /// <paramref name="drop"/> is set.</summary>
    public static async Task<TamperingProvider> StartAsync(
        TestFederation federation,
        Func<ExchangeResponse, IReadOnlyList<ExchangeResponse>> answers,
        Status? endWith,
        bool drop = false)
    {
        var tls = federation.Pki.Read("beta-gateway");
        var upstream = federation.PeerExchange(federation.Pki.Read("alpha-gateway"));
        var builder = WebApplication.CreateSlimBuilder(EmbeddedLifetime.Options);
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(new Relay(upstream, answers, endWith, drop));
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l =>
        {
            l.Protocols = HttpProtocols.Http2;
            l.UseHttps(new HttpsConnectionAdapterOptions
            {
                ServerCertificate = tls,
                ClientCertificateMode = ClientCertificateMode.AllowCertificate,
                ClientCertificateValidation = (_, _, _) => true,
            });
        }));
        var app = builder.Build();
        app.MapGrpcService<RelayService>();
        await app.StartAsync().WaitAsync(Errors.Timeout);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        return new TamperingProvider(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record Relay(
        Exchange.V1.Exchange.ExchangeClient Upstream,
        Func<ExchangeResponse, IReadOnlyList<ExchangeResponse>> Answers,
        Status? EndWith,
        bool Drop);

    private sealed class RelayService(Relay relay) : Exchange.V1.Exchange.ExchangeBase
    {
        public override async Task Call(
            ExchangeRequest request, IServerStreamWriter<ExchangeResponse> responseStream, ServerCallContext context)
        {
            var response = await relay.Upstream.CallOnceAsync(request, context.CancellationToken);
            foreach (var answer in relay.Answers(response.Clone()))
            {
                await responseStream.WriteAsync(answer, context.CancellationToken);
            }

            if (relay.Drop)
            {
                // Long enough for the messages written to leave before the stream is reset.
                await Task.Delay(TimeSpan.FromMilliseconds(200), context.CancellationToken);
                context.GetHttpContext().Abort();
                return;
            }

            if (relay.EndWith is { } status)
            {
                throw new RpcException(status);
            }
        }
    }
}
