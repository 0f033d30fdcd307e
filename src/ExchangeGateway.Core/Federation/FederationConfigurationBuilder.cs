using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Identifiers;
using ExchangeGateway.Core.Signing;

namespace ExchangeGateway.Core.Federation;

/// <summary>Validates a parsed document in one pass, collecting every error, and builds the lookups.</summary>
internal sealed class FederationConfigurationBuilder(FederationDocument document, byte[] digest)
{
    private readonly List<string> _errors = [];
    private readonly Dictionary<string, MemberId> _signing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FederationGateway> _tls = new(StringComparer.Ordinal);
    private readonly Dictionary<MemberId, FrozenSet<string>> _subsystems = [];
    private readonly List<FederationGateway> _gateways = [];
    private readonly List<FederationTimestampingAuthority> _timestampingAuthorities = [];
    private readonly HashSet<string> _timestampingCertificates = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Errors => _errors;

    public FederationConfiguration Build()
    {
        CheckHeader();
        var authorities = ReadAuthorities();
        foreach (var (member, index) in document.Members.Select((m, i) => (m, i)))
        {
            AddMember(member, index);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (gateway, index) in document.Gateways.Select((g, i) => (g, i)))
        {
            AddGateway(gateway, index, names);
        }

        var tsaNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (tsa, index) in document.TimestampingAuthorities.Select((t, i) => (t, i)))
        {
            AddTimestampingAuthority(tsa, index, tsaNames);
        }

        return new FederationConfiguration(
            document, authorities, _signing, _tls, _subsystems, _gateways, digest, _timestampingAuthorities);
    }

    private void CheckHeader()
    {
        var instanceError = IdentifierPart.Check("instance", document.Instance);
        if (instanceError is not null)
        {
            _errors.Add($"instance: {instanceError}");
        }

        if (document.ExpiresAt <= document.IssuedAt)
        {
            _errors.Add("expiresAt must be after issuedAt");
        }
    }

    private X509Certificate2Collection ReadAuthorities()
    {
        var authorities = new X509Certificate2Collection();
        if (document.CertificateAuthorities.Count == 0)
        {
            _errors.Add("certificateAuthorities: at least one CA is required");
        }

        foreach (var (pem, index) in document.CertificateAuthorities.Select((p, i) => (p, i)))
        {
            try
            {
                authorities.Add(X509Certificate2.CreateFromPem(pem));
            }
            catch (CryptographicException ex)
            {
                _errors.Add($"certificateAuthorities[{index}]: not a PEM certificate ({ex.Message})");
            }
        }

        return authorities;
    }

    private void AddMember(MemberEntry entry, int index)
    {
        var where = $"members[{index}]";
        if (!MemberId.TryParse(entry.Id, out var member, out var error))
        {
            _errors.Add($"{where}.id '{entry.Id}': {error}");
            return;
        }

        if (member.Instance != document.Instance)
        {
            _errors.Add($"{where}.id '{entry.Id}': instance is not '{document.Instance}'");
        }

        if (_subsystems.ContainsKey(member))
        {
            _errors.Add($"{where}.id '{entry.Id}': listed twice");
            return;
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in entry.Subsystems)
        {
            if (!SubsystemId.TryCreate(member, code, out _, out var codeError))
            {
                _errors.Add($"{where}.subsystems '{code}': {codeError}");
            }
            else if (!codes.Add(code))
            {
                _errors.Add($"{where}.subsystems '{code}': listed twice");
            }
        }

        _subsystems[member] = codes.ToFrozenSet(StringComparer.Ordinal);
        foreach (var fingerprint in entry.SigningCertificates)
        {
            AddFingerprint($"{where}.signingCertificates", fingerprint, f => _signing.TryAdd(f, member));
        }
    }

    private void AddGateway(GatewayEntry entry, int index, HashSet<string> names)
    {
        var where = $"gateways[{index}]";
        var nameError = IdentifierPart.Check("gateway name", entry.Name);
        if (nameError is not null)
        {
            _errors.Add($"{where}.name: {nameError}");
        }
        else if (!names.Add(entry.Name))
        {
            _errors.Add($"{where}.name '{entry.Name}': listed twice");
        }

        if (!MemberId.TryParse(entry.Owner, out var owner, out var ownerError))
        {
            _errors.Add($"{where}.owner '{entry.Owner}': {ownerError}");
            return;
        }

        if (!_subsystems.ContainsKey(owner))
        {
            _errors.Add($"{where}.owner '{entry.Owner}': not a listed member");
        }

        if (!Uri.TryCreate(entry.Address, UriKind.Absolute, out var address) || address.Scheme != Uri.UriSchemeHttps)
        {
            _errors.Add($"{where}.address '{entry.Address}': must be an absolute https:// address");
            return;
        }

        var gateway = new FederationGateway(entry.Name, owner, address);
        _gateways.Add(gateway);
        if (entry.TlsCertificates.Count == 0)
        {
            _errors.Add($"{where}.tlsCertificates: at least one certificate is required");
        }

        foreach (var fingerprint in entry.TlsCertificates)
        {
            AddFingerprint($"{where}.tlsCertificates", fingerprint, f => _tls.TryAdd(f, gateway));
        }
    }

    private void AddTimestampingAuthority(TimestampingAuthorityEntry entry, int index, HashSet<string> names)
    {
        var where = $"timestampingAuthorities[{index}]";
        var nameError = IdentifierPart.Check("time-stamping authority name", entry.Name);
        if (nameError is not null)
        {
            _errors.Add($"{where}.name: {nameError}");
        }
        else if (!names.Add(entry.Name))
        {
            _errors.Add($"{where}.name '{entry.Name}': listed twice");
        }

        var url = Uri.TryCreate(entry.Url, UriKind.Absolute, out var parsed)
            && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps) ? parsed : null;
        if (url is null)
        {
            _errors.Add($"{where}.url '{entry.Url}': must be an absolute http:// or https:// address");
        }

        if (entry.Certificates.Count == 0)
        {
            _errors.Add($"{where}.certificates: at least one certificate is required");
        }

        var fingerprints = new List<string>();
        foreach (var fingerprint in entry.Certificates)
        {
            AddFingerprint($"{where}.certificates", fingerprint, f =>
            {
                var added = _timestampingCertificates.Add(f);
                if (added)
                {
                    fingerprints.Add(f);
                }

                return added;
            });
        }

        if (url is not null)
        {
            _timestampingAuthorities.Add(new FederationTimestampingAuthority(entry.Name, url, fingerprints));
        }
    }

    private void AddFingerprint(string where, string text, Func<string, bool> add)
    {
        var fingerprint = Fingerprint.Normalise(text);
        if (!Fingerprint.IsWellFormed(fingerprint))
        {
            _errors.Add($"{where} '{text}': not a SHA-256 fingerprint (64 hex digits)");
        }
        else if (!add(fingerprint))
        {
            _errors.Add($"{where} '{text}': registered twice");
        }
    }
}
