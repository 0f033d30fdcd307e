using System.Net.Sockets;
using System.Security.Authentication;
using Grpc.Core;

namespace ExchangeGateway.Host.Faults;

/// <summary>How the gRPC client reports a call that failed on this side, not by a status the other side sent.</summary>
/// <remarks>
/// Grpc.Net.Client makes some statuses without an exception, from what it found wrong with the answer: an HTTP
/// status other than 200, another content type, no <c>grpc-status</c> at the end (all "not gRPC" here), or a message
/// over the channel's limit. They carry no trailers, and the client's own wording tells them from a status the other
/// side sent; the tests call a server that answers each way, so a client that words them otherwise fails them.
/// </remarks>
internal static class Unreached
{
    private const string BadResponse = "Bad gRPC response.";
    private const string NoStatus = "No grpc-status found on response.";
    private const string OverLimit = "Received message exceeds the maximum configured message size.";

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

    /// <summary>True when the other side answered, but not in gRPC: an HTTP status other than 200 (a web server or
    /// proxy at its address), another content type, or a response that ended without a gRPC status.</summary>
    public static bool NotGrpc(RpcException ex) =>
        ex.Status.DebugException is null && ex.Trailers.Count == 0
        && (ex.Status.Detail.StartsWith(BadResponse, StringComparison.Ordinal)
            || ex.Status.Detail.Equals(NoStatus, StringComparison.Ordinal));

    /// <summary>True when the other side's message was larger than the channel accepts: the client stopped reading
    /// it and made the status <c>RESOURCE_EXHAUSTED</c> itself.</summary>
    public static bool TooLarge(RpcException ex) =>
        ex.StatusCode == StatusCode.ResourceExhausted && ex.Status.DebugException is null && ex.Trailers.Count == 0
        && ex.Status.Detail.Equals(OverLimit, StringComparison.Ordinal);

    /// <summary>True when the client made the status itself: from the exception it carries (the call never
    /// connected, or its connection or stream failed before an answer came), or from an answer that was not gRPC.
    /// A status the other side sent comes in its trailers, with no exception; a deadline that passed is the
    /// caller's, not a failure of the other side. A message over the limit is <see cref="TooLarge"/>.</summary>
    public static bool ClientMade(RpcException ex) =>
        (ex.Status.DebugException is not null && ex.StatusCode != StatusCode.DeadlineExceeded) || NotGrpc(ex);

    /// <summary>What the client said, for this gateway's own log: its detail, and the exception's when it has one
    /// that the detail does not quote already.</summary>
    public static string Describe(RpcException ex) =>
        ex.Status.DebugException is { } exception && !ex.Status.Detail.Contains(exception.Message,
            StringComparison.Ordinal)
            ? $"{ex.Status.Detail} ({exception.GetType().Name}: {exception.Message})"
            : ex.Status.Detail;
}
