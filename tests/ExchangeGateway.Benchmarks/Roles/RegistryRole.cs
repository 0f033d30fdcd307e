using System.Net;
using ExchangeGateway.Core.Pki;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExchangeGateway.Benchmarks.Roles;

/// <summary>
/// <c>registry --tls-port N --plain-port M --pki DIR --certificate NAME</c>: the echo registry on loopback, with a
/// TLS listener (the direct path) and a plain HTTP/2 listener (behind the provider gateway and the back nginx).
/// </summary>
/// <remarks>
/// Both proxies reach the registry in plain HTTP/2 because the gateway's registry channel trusts only the operating
/// system's certificate store, which a development CA is not in; see the benchmark's notes.
/// </remarks>
internal static class RegistryRole
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var certificate = PemFiles.Read(args.Required("--pki"), args.Required("--certificate"));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            // As the gateway's own servers: no watched working folder (it holds message logs being written).
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = 32 * 1024 * 1024;
            grpc.MaxSendMessageSize = 32 * 1024 * 1024;
        });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            ServerLimits.Apply(kestrel);
            kestrel.Listen(IPAddress.Loopback, args.Int("--tls-port"), listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                listen.UseHttps(certificate);
            });
            kestrel.Listen(
                IPAddress.Loopback, args.Int("--plain-port"), listen => listen.Protocols = HttpProtocols.Http2);
        });
        await using var app = builder.Build();
        app.MapGrpcService<EchoService>();
        await app.StartAsync().ConfigureAwait(false);
        ReadyLine.Write("READY", new { pid = Environment.ProcessId });
        await ParentLink.StopRequested().ConfigureAwait(false);
        await app.StopAsync().ConfigureAwait(false);
        return 0;
    }
}
