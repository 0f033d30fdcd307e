using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ExchangeGateway.Core.Signing;

/// <summary>
/// The SHA-256 fingerprint of a certificate's DER bytes, as lower-case hex: how configurations name certificates.
/// </summary>
public static class Fingerprint
{
    // A certificate's bytes never change: each object is hashed once. Signers' certificates are shared objects
    // (SignatureVerifier keeps one per embedded certificate), so a message's chain and member lookups hash nothing.
    private static readonly ConditionalWeakTable<X509Certificate2, string> Known = new();

    /// <summary>Computes the fingerprint of <paramref name="certificate"/>.</summary>
    public static string Of(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Known.GetValue(certificate, c => Convert.ToHexStringLower(SHA256.HashData(c.RawData)));
    }

    /// <summary>True when <paramref name="normalised"/> is 64 lower-case hex digits.</summary>
    public static bool IsWellFormed(string normalised)
    {
        ArgumentNullException.ThrowIfNull(normalised);
        return normalised.Length == 64 && normalised.All(char.IsAsciiHexDigitLower);
    }

    /// <summary>Normalises a fingerprint as written by a person: lower case, colons and spaces removed.</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)
            .ToLowerInvariant();
    }
}
