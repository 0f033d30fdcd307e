namespace ExchangeGateway.Host.Headers;

/// <summary>
/// Which metadata keys travel end to end. Transport keys (HTTP/2 pseudo-headers, content type, gRPC framing and
/// timeout keys) are the hops' own business; <c>xroad-*</c> keys are the gateway's. Everything else passes.
/// </summary>
internal static class MetadataFilter
{
    private static readonly HashSet<string> Transport = new(StringComparer.OrdinalIgnoreCase)
    {
        "content-type", "content-length", "te", "host", "user-agent", "date", "server", "connection",
        "keep-alive", "transfer-encoding", "upgrade", "proxy-connection", "trailer",
        "grpc-timeout", "grpc-encoding", "grpc-accept-encoding", "grpc-status", "grpc-message",
        "grpc-previous-rpc-attempts", "grpc-retry-pushback-ms",
    };

    /// <summary>True when <paramref name="key"/> is forwarded between agency system and registry.</summary>
    public static bool Passes(string key) =>
        key.Length > 0 && key[0] != ':' && !Transport.Contains(key)
        && !key.StartsWith("xroad-", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for keys whose values are binary (base64 on the wire).</summary>
    public static bool IsBinary(string key) => key.EndsWith("-bin", StringComparison.OrdinalIgnoreCase);
}
