using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace ExchangeGateway.Registries.Hosting;

/// <summary>
/// Names the answering registry in a response header on every call, before the handler runs, so that errors
/// carry it too; and logs the calls a registry refused.
/// </summary>
internal sealed class RegistryInterceptor(ILogger<RegistryInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var registry = RegistryOf(context.Method);
        await context.WriteResponseHeadersAsync(new Metadata { { RegistryHeaders.RegistryName, registry } });
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException exception)
        {
            LogRefusal(registry, context.Method, exception.Status);
            throw;
        }
    }

    /// <summary>The registry behind a method path such as <c>/police.v1.Alerts/CheckAlerts</c>.</summary>
    private static string RegistryOf(string method)
    {
        var serviceEnd = method.IndexOf('/', 1);
        var service = serviceEnd > 1 ? method[1..serviceEnd] : method;
        return RegistryNames.ForService(service)
            ?? throw new InvalidOperationException($"No demo registry serves the method '{method}'.");
    }

    private void LogRefusal(string registry, string method, Status status)
    {
        switch (status.StatusCode)
        {
            case StatusCode.NotFound:
                RegistryLog.RecordNotFound(logger, registry, method, status.Detail);
                break;
            case StatusCode.InvalidArgument:
                RegistryLog.QueryRejected(logger, registry, method, status.Detail);
                break;
        }
    }
}
