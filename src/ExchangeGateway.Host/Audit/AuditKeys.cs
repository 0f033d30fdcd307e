using System.Security.Cryptography;
using ExchangeGateway.Host.Configuration;

namespace ExchangeGateway.Host.Audit;

/// <summary>Finds the audit API key a caller presents in <c>authorization: Bearer KEY</c>.</summary>
internal sealed class AuditKeys(IReadOnlyList<AuditKey> keys)
{
    private const string Scheme = "Bearer ";

    // Keys are 43 characters (32 bytes, base64url); anything far longer is not a key and is not hashed.
    private const int MaxKeyLength = 512;

    /// <summary>The key whose SHA-256 matches the presented key; null when none does or none was presented.</summary>
    public AuditKey? Find(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var presented = authorization.AsSpan(Scheme.Length).Trim();
        if (presented.IsEmpty || presented.Length > MaxKeyLength)
        {
            return null;
        }

        var hash = AuditKey.HashOf(presented.ToString());

        // Every key is compared, in constant time, so the time taken tells nothing about which one matched.
        AuditKey? found = null;
        foreach (var key in keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, key.Sha256))
            {
                found = key;
            }
        }

        return found;
    }

    /// <summary>Whether <paramref name="role"/> may call the audit method named <paramref name="method"/>.</summary>
    public static bool Allows(AuditRole role, string method) =>
        role is AuditRole.Auditor or AuditRole.SecurityOfficer || method == nameof(AuditService.ListArchives);
}
