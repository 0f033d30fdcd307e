using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;

namespace ExchangeGateway.Core.Signing;

/// <summary>
/// Validates a certificate path against a closed set of trusted CAs (RFC 5280 path validation as done by
/// <see cref="X509Chain"/>): the operating system's store is never consulted and nothing is downloaded.
/// </summary>
public static class CertificateChains
{
    private static readonly VerifiedCache<bool> Paths = new();

    // The federation's CA set is one object per configuration, built once: its part of the path key is made once
    // (and made again should the collection's size change).
    private static readonly ConditionalWeakTable<X509Certificate2Collection, Tuple<int, string>> AuthorityKeys = new();

    /// <summary>Returns null when <paramref name="certificate"/> chains to one of <paramref name="authorities"/>
    /// and is valid at <paramref name="at"/>; otherwise the reason.</summary>
    public static string? Validate(
        X509Certificate2 certificate,
        X509Certificate2Collection authorities,
        DateTimeOffset at,
        X509Certificate2Collection? intermediates = null,
        string? requiredUsageOid = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(authorities);
        if (at < certificate.NotBefore.ToUniversalTime() || at > certificate.NotAfter.ToUniversalTime())
        {
            return $"certificate '{certificate.Subject}' is not valid at {at:O} " +
                $"(valid {certificate.NotBefore.ToUniversalTime():O} to {certificate.NotAfter.ToUniversalTime():O})";
        }

        // The validity of the certificate itself is checked above on every call; a path found once stays found.
        var key = string.Concat(Fingerprint.Of(certificate), "|", requiredUsageOid, "|", AuthorityKey(authorities));
        if (Paths.TryGet(key, out _))
        {
            return null;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        if (intermediates is not null)
        {
            chain.ChainPolicy.ExtraStore.AddRange(intermediates);
        }

        if (requiredUsageOid is not null)
        {
            chain.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid(requiredUsageOid));
        }

        if (chain.Build(certificate))
        {
            Paths.Add(key, true);
            return null;
        }

        var problems = chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0);
        return $"certificate '{certificate.Subject}' does not chain to a federation CA: {string.Join("; ", problems)}";
    }

    private static string AuthorityKey(X509Certificate2Collection authorities)
    {
        if (AuthorityKeys.TryGetValue(authorities, out var known) && known.Item1 == authorities.Count)
        {
            return known.Item2;
        }

        var key = string.Join(",", authorities.Cast<X509Certificate2>().Select(Fingerprint.Of));
        AuthorityKeys.AddOrUpdate(authorities, Tuple.Create(authorities.Count, key));
        return key;
    }
}
