using Google.Rpc;
using Grpc.Core;

namespace ExchangeGateway.Host.Tests.Support;

/// <summary>Reads the reason out of a gateway's rich error.</summary>
public static class Errors
{
    public static string? Reason(RpcException exception) =>
        exception.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason;

    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(30);
}
