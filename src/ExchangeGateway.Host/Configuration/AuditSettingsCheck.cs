using System.Net;
using ExchangeGateway.Core.Identifiers;

namespace ExchangeGateway.Host.Configuration;

/// <summary>Validates the <c>audit</c> section of a gateway's settings, adding every error it finds.</summary>
internal static class AuditSettingsCheck
{
    /// <summary>The role names as written in settings.</summary>
    public static string NameOf(AuditRole role) => role switch
    {
        AuditRole.Auditor => "auditor",
        AuditRole.SecurityOfficer => "security-officer",
        _ => "observer",
    };

    /// <summary>The options; null when there is no section or it has errors (added to <paramref name="errors"/>).
    /// </summary>
    public static AuditOptions? Build(AuditSettings? settings, List<string> errors)
    {
        if (settings is null)
        {
            return null;
        }

        var before = errors.Count;
        IPEndPoint? endpoint = null;
        var address = settings.Address;
        if (IPEndPoint.TryParse(address, out var parsed) && address.Contains(':', StringComparison.Ordinal))
        {
            endpoint = parsed;
        }
        else
        {
            errors.Add($"audit.address '{settings.Address}': expected ADDRESS:PORT, e.g. 127.0.0.1:5103");
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

    private static AuditKey? Key(string where, AuditKeySettings key, List<string> errors)
    {
        var valid = true;
        if (IdentifierPart.Check($"{where}.name", key.Name) is { } nameError)
        {
            errors.Add(nameError.ToString());
            valid = false;
        }

        AuditRole? role = key.Role switch
        {
            "auditor" => AuditRole.Auditor,
            "security-officer" => AuditRole.SecurityOfficer,
            "observer" => AuditRole.Observer,
            _ => null,
        };
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
