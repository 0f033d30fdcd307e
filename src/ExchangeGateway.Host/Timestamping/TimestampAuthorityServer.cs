using System.Net;
using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Timestamping;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ExchangeGateway.Host.Timestamping;

/// <summary>
/// The time-stamping authority shipped with the product, for the demo and small deployments: RFC 3161 over HTTP
/// (section 3.4) on the loopback interface. A POST of <c>application/timestamp-query</c> to any path is answered
/// <c>200 application/timestamp-reply</c>, granted or rejected.
/// </summary>
/// <remarks>
/// SHA-256 imprints only (others: rejection, badAlg); the nonce is echoed; the certificate is included when the
/// request asks for it; no request extensions are accepted; genTime comes from the injected clock, to the
/// millisecond, without an accuracy claim.
/// </remarks>
public sealed class TimestampAuthorityServer : IAsyncDisposable
{
    /// <summary>
    /// The default TSA policy: <c>2.25.284296983291442488229148906303215155458</c>, an OID under the UUID arc
    /// (ITU-T X.667) minted for the ExchangeGateway development authority; it needs no registration. A deployment
    /// that publishes its own time-stamping policy passes that policy's OID instead.
    /// </summary>
    public const string DefaultPolicy = "2.25.284296983291442488229148906303215155458";

    /// <summary>The largest request body accepted; a TimeStampReq over SHA-256 is about a hundred bytes.</summary>
    public const int MaxQueryBytes = 16 * 1024;

    private const string QueryType = "application/timestamp-query";
    private const string ReplyType = "application/timestamp-reply";

    private readonly WebApplication _app;

    private TimestampAuthorityServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The endpoint to POST requests to, e.g. <c>http://127.0.0.1:7180/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Starts the authority on <c>127.0.0.1</c>.</summary>
    /// <param name="certificate">The token-signing certificate with its private key (ECDSA or RSA); it must carry
    /// the sole, critical id-kp-timeStamping purpose.</param>
    /// <param name="port">The TCP port; 0 picks a free one.</param>
    /// <param name="time">The clock the tokens' genTime comes from.</param>
    /// <param name="loggerFactory">Where diagnostic logs go.</param>
    /// <param name="policy">The TSA policy OID; <see cref="DefaultPolicy"/> by default.</param>
    /// <param name="cancellationToken">Cancels starting.</param>
    public static async Task<TimestampAuthorityServer> StartAsync(
        X509Certificate2 certificate,
        int port,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        string policy = DefaultPolicy,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var authority = new TimestampAuthority(certificate, policy, time);
        var logger = loggerFactory.CreateLogger<TimestampAuthorityServer>();

        var builder = WebApplication.CreateSlimBuilder(EmbeddedLifetime.Options);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.Replace(ServiceDescriptor.Singleton<IHostLifetime, EmbeddedLifetime>());
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxQueryBytes;
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http1);
        });
        var app = builder.Build();
        app.Run(context => AnswerAsync(context, authority, logger));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        var address = new Uri(new Uri(addresses!.Addresses.First()), "/");
        TimestampingLog.AuthorityListening(logger, address.ToString(), authority.Policy.Id);
        return new TimestampAuthorityServer(app, address);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task AnswerAsync(HttpContext context, TimestampAuthority authority, ILogger logger)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "POST";
            return;
        }

        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), QueryType, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        byte[] query;
        try
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
            query = body.ToArray();
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException ex)
        {
            context.Response.StatusCode = ex.StatusCode;
            return;
        }

        var answer = authority.Answer(query);
        if (answer.Status == TimestampStatus.Granted)
        {
            TimestampingLog.TokenGranted(logger, answer.Detail);
        }
        else
        {
            TimestampingLog.RequestRefused(logger, answer.Status.ToString(), answer.Detail);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = ReplyType;
        context.Response.ContentLength = answer.Reply.Length;
        await context.Response.Body.WriteAsync(answer.Reply, context.RequestAborted).ConfigureAwait(false);
    }
}
