using System.Collections.Frozen;
using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Identifiers;
using ExchangeGateway.Core.Signing;

namespace ExchangeGateway.Core.Federation;

/// <summary>
/// A verified, validated federation configuration: an immutable snapshot with the lookups a gateway needs on every
/// call. Replaced whole on reload.
/// </summary>
public sealed class FederationConfiguration
{
    private readonly FrozenDictionary<string, MemberId> _signingCertificates;
    private readonly FrozenDictionary<string, FederationGateway> _tlsCertificates;
    private readonly FrozenDictionary<MemberId, FrozenSet<string>> _subsystems;
    private readonly FrozenDictionary<MemberId, FederationGateway[]> _gatewaysByOwner;
    private readonly FrozenSet<string> _revoked;
    private readonly FrozenDictionary<string, FederationTimestampingAuthority> _timestampingCertificates;

    internal FederationConfiguration(
        FederationDocument document,
        X509Certificate2Collection authorities,
        IEnumerable<KeyValuePair<string, MemberId>> signingCertificates,
        IEnumerable<KeyValuePair<string, FederationGateway>> tlsCertificates,
        IEnumerable<KeyValuePair<MemberId, FrozenSet<string>>> subsystems,
        IReadOnlyList<FederationGateway> gateways,
        byte[] digest,
        IReadOnlyList<FederationTimestampingAuthority>? timestampingAuthorities = null)
    {
        Document = document;
        Authorities = authorities;
        Gateways = gateways;
        Digest = digest;
        _signingCertificates = signingCertificates.ToFrozenDictionary(StringComparer.Ordinal);
        _tlsCertificates = tlsCertificates.ToFrozenDictionary(StringComparer.Ordinal);
        _subsystems = subsystems.ToFrozenDictionary();
        _gatewaysByOwner = gateways.GroupBy(g => g.Owner).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        _revoked = document.RevokedCertificates.Select(Fingerprint.Normalise).ToFrozenSet(StringComparer.Ordinal);
        TimestampingAuthorities = timestampingAuthorities ?? [];
        _timestampingCertificates = TimestampingAuthorities
            .SelectMany(a => a.Certificates.Select(f => KeyValuePair.Create(f, a)))
            .ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The document as signed.</summary>
    public FederationDocument Document { get; }

    /// <summary>The federation's trusted CAs.</summary>
    public X509Certificate2Collection Authorities { get; }

    /// <summary>Every gateway of the federation.</summary>
    public IReadOnlyList<FederationGateway> Gateways { get; }

    /// <summary>The time-stamping authorities, in the order they are to be tried.</summary>
    public IReadOnlyList<FederationTimestampingAuthority> TimestampingAuthorities { get; }

    /// <summary>SHA-256 of the signed document bytes: identifies this version in logs.</summary>
    public byte[] Digest { get; }

    /// <summary>The federation instance.</summary>
    public string Instance => Document.Instance;

    /// <summary>When this version stops carrying traffic.</summary>
    public DateTimeOffset ExpiresAt => Document.ExpiresAt;

    /// <summary>True when the configuration has expired at <paramref name="now"/>.</summary>
    public bool IsExpired(DateTimeOffset now) => now >= Document.ExpiresAt;

    /// <summary>True when the subsystem is listed under its member.</summary>
    public bool HasSubsystem(SubsystemId subsystem)
    {
        ArgumentNullException.ThrowIfNull(subsystem);
        return _subsystems.TryGetValue(subsystem.Member, out var codes) && codes.Contains(subsystem.Code);
    }

    /// <summary>True when the member is listed.</summary>
    public bool HasMember(MemberId member) => _subsystems.ContainsKey(member);

    /// <summary>The gateways run by <paramref name="member"/>, in the order listed.</summary>
    public IReadOnlyList<FederationGateway> GatewaysOf(MemberId member) =>
        _gatewaysByOwner.TryGetValue(member, out var gateways) ? gateways : [];

    /// <summary>The gateway a TLS certificate is registered to, when it is registered and not revoked.</summary>
    public FederationGateway? GatewayByTlsCertificate(X509Certificate2 certificate)
    {
        var fingerprint = Fingerprint.Of(certificate);
        if (_revoked.Contains(fingerprint))
        {
            return null;
        }

        return _tlsCertificates.GetValueOrDefault(fingerprint);
    }

    /// <summary>The member a signing certificate is registered to, when it is registered and not revoked.</summary>
    public MemberId? MemberBySigningCertificate(X509Certificate2 certificate)
    {
        var fingerprint = Fingerprint.Of(certificate);
        if (_revoked.Contains(fingerprint))
        {
            return null;
        }

        return _signingCertificates.GetValueOrDefault(fingerprint);
    }

    /// <summary>
    /// The time-stamping authority a token-signing certificate is registered to, when it is registered and not revoked.
    /// </summary>
    public FederationTimestampingAuthority? TimestampingAuthorityByCertificate(X509Certificate2 certificate)
    {
        var fingerprint = Fingerprint.Of(certificate);
        if (_revoked.Contains(fingerprint))
        {
            return null;
        }

        return _timestampingCertificates.GetValueOrDefault(fingerprint);
    }

    /// <summary>True when the certificate's fingerprint is on the revocation list.</summary>
    public bool IsRevoked(X509Certificate2 certificate) => _revoked.Contains(Fingerprint.Of(certificate));
}
