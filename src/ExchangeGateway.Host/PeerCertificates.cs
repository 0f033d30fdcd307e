using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Federation;
using ExchangeGateway.Core.Pki;
using ExchangeGateway.Core.Signing;

namespace ExchangeGateway.Host;

/// <summary>
/// Checks a peer gateway's TLS certificate during the handshake: path to a federation CA only (RFC 5280; no OS
/// store, no downloads), validity now, the right extended key usage, and not revoked by the federation.
/// </summary>
internal static class PeerCertificates
{
    /// <summary>Null when acceptable; otherwise the reason.</summary>
    public static string? Check(
        X509Certificate2 certificate, FederationConfiguration? federation, DateTimeOffset now, bool asServer)
    {
        if (federation is null)
        {
            return "no federation configuration is loaded";
        }

        if (federation.IsRevoked(certificate))
        {
            return "certificate is revoked by the federation configuration";
        }

        var usage = asServer ? CertificateFactory.ServerAuthentication : CertificateFactory.ClientAuthentication;
        return CertificateChains.Validate(certificate, federation.Authorities, now, requiredUsageOid: usage);
    }
}
