using ExchangeGateway.Core.Identifiers;

namespace ExchangeGateway.Core.Access;

/// <summary>
/// A right to call a service: given to one subsystem or to every subsystem of a member, for every method of the
/// service or for the methods named.
/// </summary>
/// <param name="Member">The member whose subsystems the grant covers.</param>
/// <param name="SubsystemCode">The one subsystem covered, or null for all of the member's subsystems.</param>
/// <param name="Methods">The methods covered, or null for all.</param>
public sealed record AccessGrant(MemberId Member, string? SubsystemCode, IReadOnlySet<string>? Methods)
{
    /// <summary>True when the grant lets <paramref name="client"/> call <paramref name="method"/>.</summary>
    public bool Allows(SubsystemId client, string method)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.Member == Member
            && (SubsystemCode is null || SubsystemCode == client.Code)
            && (Methods is null || Methods.Contains(method));
    }
}
