using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Pki;
using ExchangeGateway.Core.Signing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace ExchangeGateway.Benchmarks.Roles;

/// <summary>
/// <c>relay --port N [--plain-port M] --upstream URL --pki DIR --certificate NAME</c>: a plain .NET reverse proxy
/// (Kestrel in, YARP's forwarder and HttpClient out) with mutual TLS on both sides and no evidence work: the
/// transport a gateway is built on, measured alone. Two of them make the relay pair, the .NET twin of the nginx
/// proxy pair.
/// </summary>
/// <remarks>
/// The TLS listener requires a client certificate that chains to the benchmark's CA; an https upstream is called
/// with <c>--certificate</c> as the client certificate and must present one that chains to the same CA. The plain
/// listener (h2load cannot present a client certificate) takes HTTP/2 without TLS, as the nginx front does.
/// </remarks>
internal static class RelayRole
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var pki = args.Required("--pki");
        var certificate = PemFiles.Read(pki, args.Required("--certificate"));
        var authority = new X509Certificate2Collection(
            X509CertificateLoader.LoadCertificateFromFile(Path.Combine(pki, "ca.pem")));
        var upstream = args.Required("--upstream");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddHttpForwarder();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            ServerLimits.Apply(kestrel);
            kestrel.Listen(IPAddress.Loopback, args.Int("--port"), listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                listen.UseHttps(new HttpsConnectionAdapterOptions
                {
                    ServerCertificate = certificate,
                    ClientCertificateMode = ClientCertificateMode.RequireCertificate,
                    ClientCertificateValidation = (client, _, _) => Chains(client, authority),
                });
            });
            if (args.Optional("--plain-port") is { } plain)
            {
                kestrel.Listen(IPAddress.Loopback, int.Parse(plain, System.Globalization.CultureInfo.InvariantCulture),
                    listen => listen.Protocols = HttpProtocols.Http2);
            }
        });
        await using var app = builder.Build();
        using var client = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            EnableMultipleHttp2Connections = true,

            // A stream window no response of the benchmark fills to the update threshold (an eighth), so the relay
            // never sends the upstream Kestrel a stream WINDOW_UPDATE. With the default (64 KiB, grown as data
            // comes) a relay-pair call at c=1, 64 KiB or 1 MiB, hung now and then until its deadline; late stream
            // window updates are the suspected trigger, not a proven one. The gateways read each message whole
            // and never hung; this window bought them nothing measurable and cost 21 % more allocation at 1 MiB.
            InitialHttp2StreamWindowSize = 16 * 1024 * 1024,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ActivityHeadersPropagator = null,
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = [certificate],
                LocalCertificateSelectionCallback = (_, _, _, _, _) => certificate,
                RemoteCertificateValidationCallback = (_, server, _, _) =>
                    server is X509Certificate2 presented && Chains(presented, authority),
            },
        });
        var forwarder = app.Services.GetRequiredService<IHttpForwarder>();
        var config = new ForwarderRequestConfig
        {
            ActivityTimeout = TimeSpan.FromSeconds(60),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        app.Run(context => Forward(forwarder, context, upstream, client, config));
        await app.StartAsync().ConfigureAwait(false);
        ReadyLine.Write("READY", new { pid = Environment.ProcessId });
        await ParentLink.StopRequested().ConfigureAwait(false);
        await app.StopAsync().ConfigureAwait(false);
        return 0;
    }

    private static async Task Forward(
        IHttpForwarder forwarder, HttpContext context, string upstream, HttpMessageInvoker client,
        ForwarderRequestConfig config)
    {
        var error = await forwarder.SendAsync(context, upstream, client, config, HttpTransformer.Empty)
            .ConfigureAwait(false);
        if (error != ForwarderError.None && !context.Response.HasStarted)
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
        }
    }

    /// <summary>The same path check the gateways make of their peers, against the benchmark's one CA.</summary>
    private static bool Chains(X509Certificate2 certificate, X509Certificate2Collection authority) =>
        CertificateChains.Validate(certificate, authority, DateTimeOffset.UtcNow) is null;
}
