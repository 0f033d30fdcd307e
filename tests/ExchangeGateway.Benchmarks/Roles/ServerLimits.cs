using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ExchangeGateway.Benchmarks.Roles;

/// <summary>The Kestrel limits the benchmark's own servers share with the gateways' endpoints.</summary>
internal static class ServerLimits
{
    /// <summary>No server header, no body limit, and the gateways' HTTP/2 stream limit and windows, so that no
    /// path is held back by flow control alone.</summary>
    public static void Apply(KestrelServerOptions kestrel)
    {
        kestrel.AddServerHeader = false;
        kestrel.Limits.MaxRequestBodySize = null;
        kestrel.Limits.Http2.MaxStreamsPerConnection = 1000;
        kestrel.Limits.Http2.InitialConnectionWindowSize = 4 * 1024 * 1024;
        kestrel.Limits.Http2.InitialStreamWindowSize = 2 * 1024 * 1024;
    }
}
