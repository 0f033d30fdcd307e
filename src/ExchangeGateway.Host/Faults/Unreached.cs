using System.Net.Sockets;
using System.Security.Authentication;
using Grpc.Core;

namespace ExchangeGateway.Host.Faults;

/// <summary>How the gRPC client reports a call that failed on this side, not by a status the other side sent.</summary>
internal static class Unreached
{
    /// <summary>
    /// True when the call never reached the other side: no connection, or no TLS session with it. Grpc.Net.Client
    /// reports a refused connection as an <see cref="HttpRequestException"/> or, through its subchannel balancer,
    /// as the <see cref="SocketException"/> itself ("Error connecting to subchannel").
    /// </summary>
    public static bool NeverConnected(RpcException ex) =>
        ex.StatusCode == StatusCode.Unavailable && ex.Status.DebugException switch
        {
            SocketException or AuthenticationException => true,
            HttpRequestException http => http.InnerException is SocketException or AuthenticationException
                    or IOException
                || http.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError,
            _ => false,
        };

    /// <summary>True when the client made the <c>UNAVAILABLE</c> itself, which carries the exception behind it:
    /// the call never connected, or its connection failed. The other side's own <c>UNAVAILABLE</c> comes in its
    /// trailers, with none.</summary>
    public static bool ClientMade(RpcException ex) =>
        ex.StatusCode == StatusCode.Unavailable && ex.Status.DebugException is not null;
}
