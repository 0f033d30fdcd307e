using System.Collections.Frozen;
using ExchangeGateway.Core.Identifiers;

namespace ExchangeGateway.Core.Access;

/// <summary>Every grant a provider gateway holds, by service. Immutable; replaced whole when grants change.</summary>
public sealed class AccessRights
{
    private readonly FrozenDictionary<ServiceId, AccessGrant[]> _grants;

    /// <summary>Creates the rights from grants per service.</summary>
    public AccessRights(IEnumerable<KeyValuePair<ServiceId, IReadOnlyList<AccessGrant>>> grants)
    {
        ArgumentNullException.ThrowIfNull(grants);
        _grants = grants.ToFrozenDictionary(g => g.Key, g => g.Value.ToArray());
    }

    /// <summary>Every grant, with the service it is on.</summary>
    public IEnumerable<(ServiceId Service, AccessGrant Grant)> All =>
        _grants.SelectMany(g => g.Value.Select(grant => (g.Key, grant)));

    /// <summary>How many grants there are, over every service.</summary>
    public int Count => _grants.Values.Sum(g => g.Length);

    /// <summary>How many methods the grants name, over every grant (a grant of every method names none).</summary>
    public int MethodsNamed => _grants.Values.Sum(g => g.Sum(grant => grant.Methods?.Count ?? 0));

    /// <summary>True when some grant lets <paramref name="client"/> call <paramref name="method"/> of
    /// <paramref name="service"/>. With no grant, nothing is allowed.</summary>
    public bool IsAllowed(SubsystemId client, ServiceId service, string method)
    {
        ArgumentNullException.ThrowIfNull(service);
        return _grants.TryGetValue(service, out var grants) && grants.Any(g => g.Allows(client, method));
    }
}
