using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Signing;
using Grpc.Core;

namespace ExchangeGateway.Cli.Commands;

/// <summary>
/// The TLS side of a command's channel to a gateway: the server's certificate must chain to the CA given on the
/// command line for server authentication (never the operating system's store); <paramref name="client"/>, when
/// given, is presented if the server asks. The callbacks remember why a handshake failed, when it was not the network.
/// </summary>
/// <param name="authorities">The CA certificate(s) of <paramref name="ca"/>.</param>
/// <param name="ca">The CA file, as named in messages.</param>
/// <param name="client">The client certificate, with its key, or none.</param>
/// <param name="asked">What to say when the server asks for a client certificate and none is given.</param>
internal sealed class ServerHandshake(
    X509Certificate2Collection authorities, string ca, X509Certificate2? client, string asked)
{
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";

    private string? _rejected;
    private bool _certificateAsked;

    /// <summary>Why the handshake failed; null when the callbacks saw nothing wrong.</summary>
    public string? Failure => _rejected ?? (_certificateAsked && client is null ? asked : null);

    /// <summary>Why <paramref name="ex"/>'s call got no answer from the server, when it is this side's to say: the
    /// handshake (<see cref="Failure"/>) or the connection (refused, or the exception the client carries); null for
    /// a status the server sent, or one the client made without an exception (a deadline passed, say).</summary>
    public string? Cause(RpcException ex)
    {
        if (Failure is { } failure)
        {
            return failure;
        }

        var cause = ex.Status.DebugException;
        while (cause?.InnerException is not null && cause is not SocketException)
        {
            cause = cause.InnerException;
        }

        return cause switch
        {
            SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused",
            { } other => other.Message,
            null => null,
        };
    }

    public SslClientAuthenticationOptions Options() => new()
    {
        RemoteCertificateValidationCallback = (_, certificate, _, _) => (_rejected = Check(certificate)) is null,

        // Called once before the handshake without a server certificate, and again only when the server asks for a
        // client certificate.
        LocalCertificateSelectionCallback = (_, _, _, server, _) =>
        {
            _certificateAsked |= server is not null;
            return client!;
        },
    };

    /// <summary>Null when the server's certificate chains to the CA for server authentication; else why not.</summary>
    private string? Check(X509Certificate? certificate)
    {
        if (certificate is not X509Certificate2 server)
        {
            return "the server sent no certificate";
        }

        var now = DateTimeOffset.UtcNow;
        if (CertificateChains.Validate(server, authorities, now, null, ServerAuthentication) is null)
        {
            return null;
        }

        return now < server.NotBefore.ToUniversalTime() || now > server.NotAfter.ToUniversalTime()
            ? $"the server's certificate '{server.Subject}' is not valid now (valid " +
                $"{server.NotBefore.ToUniversalTime():O} to {server.NotAfter.ToUniversalTime():O})"
            : $"the server's certificate '{server.Subject}' does not chain to --ca {ca}";
    }
}
