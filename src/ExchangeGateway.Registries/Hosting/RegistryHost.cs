using System.Net;
using ExchangeGateway.Registries.Data;
using ExchangeGateway.Registries.ForeignAffairs;
using ExchangeGateway.Registries.Migration;
using ExchangeGateway.Registries.Police;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ExchangeGateway.Registries.Hosting;

/// <summary>Builds the web application that serves one agency's registry.</summary>
internal static class RegistryHost
{
    /// <summary>
    /// An empty builder, not the default one: the default reads appsettings.json and ASPNETCORE_* variables,
    /// which could add endpoints beyond loopback.
    /// </summary>
    public static WebApplication Build(
        RegistryKind kind, Population population, int port, ILoggerFactory loggerFactory)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(RegistryHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2);
        });

        builder.Services.Replace(ServiceDescriptor.Singleton<IHostLifetime, EmbeddedLifetime>());
        builder.Services.AddLogging();
        builder.Services.Replace(ServiceDescriptor.Singleton(loggerFactory));
        builder.Services.AddSingleton(population);
        builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<RegistryInterceptor>());

        var app = builder.Build();
        MapServices(app, kind);
        return app;
    }

    public static IReadOnlyList<string> ServicesOf(RegistryKind kind) => kind switch
    {
        RegistryKind.Migration =>
            [Migration.V1.Foreigners.Descriptor.FullName, Migration.V1.ResidencePermits.Descriptor.FullName],
        RegistryKind.Police =>
            [Police.V1.BorderCrossings.Descriptor.FullName, Police.V1.Alerts.Descriptor.FullName],
        RegistryKind.ForeignAffairs => [ForeignAffairs.V1.Visas.Descriptor.FullName],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown registry kind."),
    };

    /// <summary>The address Kestrel bound, which holds the port it picked when asked for port 0.</summary>
    public static Uri BoundAddress(WebApplication app)
    {
        var server = app.Services.GetRequiredService<IServer>();
        var addresses = server.Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var bound = new Uri(addresses.Single());
        return new UriBuilder(Uri.UriSchemeHttp, IPAddress.Loopback.ToString(), bound.Port).Uri;
    }

    private static void MapServices(WebApplication app, RegistryKind kind)
    {
        switch (kind)
        {
            case RegistryKind.Migration:
                app.MapGrpcService<ForeignersService>();
                app.MapGrpcService<ResidencePermitsService>();
                break;
            case RegistryKind.Police:
                app.MapGrpcService<BorderCrossingsService>();
                app.MapGrpcService<AlertsService>();
                break;
            case RegistryKind.ForeignAffairs:
                app.MapGrpcService<VisasService>();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown registry kind.");
        }
    }
}
