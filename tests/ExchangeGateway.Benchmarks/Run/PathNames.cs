namespace ExchangeGateway.Benchmarks.Run;

/// <summary>The paths the same load is driven through.</summary>
internal static class PathNames
{
    public const string Direct = "direct";
    public const string ProxyPair = "proxy-pair";
    public const string RelayPair = "relay-pair";
    public const string GatewayPair = "gateway-pair";

    public static string Describe(string path, string generator) => (path, generator) switch
    {
        (Direct, _) => "client -> echo registry (TLS)",
        (ProxyPair, "dotnet") => "client -> nginx (mutual TLS) -> nginx (mutual TLS, grpc_pass) -> registry (h2c)",
        (ProxyPair, _) => "client -> nginx (h2c) -> nginx (mutual TLS, grpc_pass) -> registry (h2c)",
        (RelayPair, "dotnet") => "client -> .NET relay (mutual TLS) -> .NET relay (mutual TLS, YARP) -> registry (h2c)",
        (RelayPair, _) => "client -> .NET relay (h2c) -> .NET relay (mutual TLS, YARP) -> registry (h2c)",
        (GatewayPair, "dotnet") =>
            "client -> consumer gateway (mutual TLS) -> provider gateway (mutual TLS) -> registry (h2c)",
        _ => "client -> consumer gateway (h2c, plainLoopback) -> provider gateway (mutual TLS) -> registry (h2c)",
    };
}
