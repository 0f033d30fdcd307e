using System.Globalization;
using System.Net;
using ExchangeGateway.Testing.V1;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExchangeGateway.Host.Tests.Support;

/// <summary>A real gRPC registry on loopback (h2c) that echoes, fails or waits on request.</summary>
public sealed class EchoRegistry : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private EchoRegistry(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        State = app.Services.GetRequiredService<EchoState>();
    }

    public Uri Address { get; }

    public EchoState State { get; }

    public static async Task<EchoRegistry> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(EmbeddedLifetime.Options);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<EchoState>();
        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = 32 * 1024 * 1024;
            o.MaxSendMessageSize = 32 * 1024 * 1024;
        });
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = null;
            k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2);
        });
        var app = builder.Build();
        app.Use(AnswerOtherThanGrpc);
        app.MapGrpcService<EchoService>();
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        return new EchoRegistry(app, new Uri(address));
    }

    /// <summary>Stops listening, as a registry that went down: its address refuses connections from then on.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>
    /// A call with the header <c>echo-http-answer</c> gets an answer that is not gRPC, as from a web server at the
    /// registry's address: an HTTP status other than 200 (<c>404</c>, <c>503</c>), a web page (<c>html</c>), or a
    /// gRPC message with no status after it (<c>no-status</c>).
    /// </summary>
    private static async Task AnswerOtherThanGrpc(HttpContext context, RequestDelegate next)
    {
        var answer = context.Request.Headers["echo-http-answer"].ToString();
        switch (answer)
        {
            case "":
                await next(context);
                break;
            case "html":
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html><body>Welcome</body></html>");
                break;
            case "no-status":
                context.Response.ContentType = "application/grpc";
                await context.Response.Body.WriteAsync(new byte[] { 0, 0, 0, 0, 0 });
                break;
            default:
                context.Response.StatusCode = int.Parse(answer, CultureInfo.InvariantCulture);
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync("not here");
                break;
        }
    }

    /// <summary>What the registry observed, for tests that look behind the gateway.</summary>
    public sealed class EchoState
    {
        private int _cancelled;

        public int Cancelled => Volatile.Read(ref _cancelled);

        public void OnCancelled() => Interlocked.Increment(ref _cancelled);
    }

    private sealed class EchoService(EchoState state) : Echo.EchoBase
    {
        public override async Task<EchoReply> Say(EchoRequest request, ServerCallContext context)
        {
            if (!request.DelayBeforeHeaders)
            {
                await context.WriteResponseHeadersAsync(new Metadata { { "registry-name", "echo" } });
            }

            if (request.DelayMs > 0)
            {
                try
                {
                    await Task.Delay(request.DelayMs, context.CancellationToken);
                }
                catch (OperationCanceledException)
                {
                    state.OnCancelled();
                    throw;
                }
            }

            if (request.DelayBeforeHeaders)
            {
                await context.WriteResponseHeadersAsync(new Metadata { { "registry-name", "echo" } });
            }

            if (request.AbortAfterHeaders)
            {
                context.GetHttpContext().Abort();
                return new EchoReply();
            }

            if (request.FailWith != 0)
            {
                var trailers = new Metadata
                {
                    { "echo-trailer", "failed-on-purpose" },
                    { "echo-detail-bin", new byte[] { 0, 1, 2, 255 } },
                };
                throw new RpcException(new Status((StatusCode)request.FailWith, request.FailDetail), trailers);
            }

            context.ResponseTrailers.Add("echo-trailer", "ok");
            var reply = new EchoReply
            {
                Payload = request.ReplyBytes > 0 ? ByteString.CopyFrom(new byte[request.ReplyBytes]) : request.Payload,
            };
            reply.SeenMetadata.AddRange(context.RequestHeaders
                .Where(h => !h.Key.StartsWith(':') && h.Key is not ("content-type" or "te" or "user-agent"
                    or "grpc-accept-encoding" or "grpc-timeout" or "host"))
                .Select(h => h.IsBinary ? $"{h.Key}={Convert.ToHexString(h.ValueBytes)}" : $"{h.Key}={h.Value}"));
            return reply;
        }
    }
}
