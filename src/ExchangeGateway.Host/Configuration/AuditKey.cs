using System.Security.Cryptography;
using System.Text;

namespace ExchangeGateway.Host.Configuration;

/// <summary>One caller's API key for the audit endpoint, kept only as a hash.</summary>
/// <param name="Name">Who holds the key; the name the audit log gives the caller.</param>
/// <param name="Role">What the holder may do.</param>
/// <param name="Sha256">SHA-256 of the key's UTF-8 text (32 bytes): see <see cref="HashOf"/>.</param>
public sealed record AuditKey(string Name, AuditRole Role, byte[] Sha256)
{
    /// <summary>The hash a gateway keeps of <paramref name="key"/>: SHA-256 of its UTF-8 text.</summary>
    public static byte[] HashOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }
}
