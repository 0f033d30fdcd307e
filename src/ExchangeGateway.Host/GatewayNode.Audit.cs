using ExchangeGateway.Host.Audit;
using ExchangeGateway.Host.Configuration;
using ExchangeGateway.Host.Federation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExchangeGateway.Host;

/// <summary>The audit endpoint of a gateway: a third Kestrel server, only when the settings have an audit section.
/// </summary>
public sealed partial class GatewayNode
{
    /// <summary>The audit endpoint's address, as bound; null when the gateway has no audit endpoint.</summary>
    public Uri? AuditAddress { get; private set; }

    /// <summary>
    /// TLS with the gateway's certificate and no client certificate: callers authenticate with an API key per call
    /// (see <see cref="AuditGate"/>).
    /// </summary>
    private static WebApplication BuildAudit(
        GatewayOptions options, AuditOptions audit, ILoggerFactory loggerFactory, FederationState federation,
        TimeProvider time)
    {
        var builder = Builder(loggerFactory, options);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(federation);
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(new AuditKeys(audit.Keys));
        builder.Services.AddSingleton<AuditFaults>();
        builder.Services.AddSingleton<AuditGate>();
        builder.Services.AddSingleton<AuditSearch>();
        builder.Services.AddSingleton<AuditEvidence>();
        builder.Services.AddSingleton<ArchiveFolder>();
        builder.Services.AddGrpc(grpc =>
        {
            grpc.EnableDetailedErrors = false;
            grpc.Interceptors.Add<AuditGate>();
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(audit.Endpoint, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            listen.UseHttps(AgencyTls(options, ClientCertificateMode.NoCertificate));
        }));
        var app = builder.Build();
        app.MapGrpcService<AuditService>();
        return app;
    }
}
