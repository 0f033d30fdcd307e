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

    /// <summary>True when the client made the status itself, from the exception it carries: the call never
    /// connected (<c>UNAVAILABLE</c>), or its connection or stream failed before an answer came (<c>UNAVAILABLE</c>,
    /// or <c>INTERNAL</c> for a stream the other side reset). A status the other side sent comes in its trailers,
    /// with no exception; a deadline that passed is the caller's, not a failure of the other side.</summary>
    public static bool ClientMade(RpcException ex) =>
        ex.Status.DebugException is not null && ex.StatusCode != StatusCode.DeadlineExceeded;
}
