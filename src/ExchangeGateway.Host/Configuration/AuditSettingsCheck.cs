using System.Net;
using ExchangeGateway.Core.Identifiers;

namespace ExchangeGateway.Host.Configuration;

/// <summary>Validates the <c>audit</c> section of a gateway's settings, adding every error it finds.</summary>
internal static class AuditSettingsCheck
{
    /// <summary>The role names, as written in settings and given to <c>exgw audit key --role</c>.</summary>
    public static readonly IReadOnlyDictionary<string, AuditRole> Roles =
        new Dictionary<string, AuditRole>(StringComparer.Ordinal)
        {
            ["auditor"] = AuditRole.Auditor,
            ["security-officer"] = AuditRole.SecurityOfficer,
            ["observer"] = AuditRole.Observer,
        };

    /// <summary>The name of <paramref name="role"/> as written in settings.</summary>
    public static string NameOf(AuditRole role) => Roles.First(r => r.Value == role).Key;

    /// <summary>
    /// The options; null when there is no section or it has errors (added to <paramref name="errors"/>), among them
    /// an audit address on the port of the client or exchange endpoint (null when that one is itself in error).
    /// </summary>
    public static AuditOptions? Build(
        AuditSettings? settings, IPEndPoint? client, IPEndPoint? exchange, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (settings is null)
        {
            return null;
        }

        var before = errors.Count;
        var endpoint = Endpoint(settings.Address, errors);
        if (endpoint is not null)
        {
            CheckClash(endpoint, settings.Address, "clientEndpoint.address", client, errors);
            CheckClash(endpoint, settings.Address, "exchangeEndpoint", exchange, errors);
        }

        if (settings.Keys.Count == 0)
        {
            errors.Add("audit.keys: at least one key is needed (make one with: exgw audit key --name N --role R)");
        }

        var keys = settings.Keys.Select((k, i) => Key($"audit.keys[{i}]", k, errors)).OfType<AuditKey>().ToList();
        foreach (var name in settings.Keys.GroupBy(k => k.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"audit.keys: name '{name.Key}' listed twice");
        }

        foreach (var hash in keys.GroupBy(k => Convert.ToHexString(k.Sha256)).Where(g => g.Count() > 1))
        {
            errors.Add($"audit.keys: one key is listed twice, as {string.Join(" and ", hash.Select(k => k.Name))}");
        }

        return errors.Count == before && endpoint is not null
            ? new AuditOptions { Endpoint = endpoint, Keys = keys }
            : null;
    }

    private static IPEndPoint? Endpoint(string? address, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            errors.Add("audit.address: must be set, e.g. 127.0.0.1:7104");
            return null;
        }

        if (IPEndPoint.TryParse(address, out var endpoint) && address.Contains(':', StringComparison.Ordinal))
        {
            return endpoint;
        }

        errors.Add($"audit.address '{address}': expected ADDRESS:PORT, e.g. 127.0.0.1:7104");
        return null;
    }

    /// <summary>
    /// Two endpoints on one port clash when their addresses are equal or one is a wildcard that covers the other
    /// (<c>[::]</c> also takes IPv4). Port 0 asks for a free port each time, so it never clashes.
    /// </summary>
    private static void CheckClash(
        IPEndPoint audit, string address, string otherName, IPEndPoint? other, List<string> errors)
    {
        if (other is null || audit.Port == 0 || audit.Port != other.Port)
        {
            return;
        }

        if (audit.Address.Equals(other.Address))
        {
            errors.Add($"audit.address '{address}': the same address and port as {otherName} '{other}'; " +
                "the audit endpoint needs a port of its own");
        }
        else if (Covers(audit.Address, other.Address) || Covers(other.Address, audit.Address))
        {
            errors.Add($"audit.address '{address}': the same port as {otherName} '{other}', on an address " +
                "that overlaps it; the audit endpoint needs a port of its own");
        }
    }

    private static bool Covers(IPAddress wildcard, IPAddress address) =>
        wildcard.Equals(IPAddress.IPv6Any)
        || (wildcard.Equals(IPAddress.Any) && address.AddressFamily == wildcard.AddressFamily);

    private static AuditKey? Key(string where, AuditKeySettings key, List<string> errors)
    {
        var valid = true;
        if (IdentifierPart.Check($"{where}.name", key.Name) is { } nameError)
        {
            errors.Add(nameError.ToString());
            valid = false;
        }

        AuditRole? role = Roles.TryGetValue(key.Role, out var named) ? named : null;
        if (role is null)
        {
            errors.Add($"{where}.role '{key.Role}': must be auditor, security-officer or observer");
            valid = false;
        }

        var hex = key.Sha256.Trim();
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
        {
            errors.Add($"{where}.sha256: must be the SHA-256 of the key as 64 hexadecimal digits");
            valid = false;
        }

        return valid ? new AuditKey(key.Name, role!.Value, Convert.FromHexString(hex)) : null;
    }
}
