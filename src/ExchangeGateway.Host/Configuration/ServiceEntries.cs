using System.Collections.Frozen;
using ExchangeGateway.Core.Access;
using ExchangeGateway.Core.Identifiers;

namespace ExchangeGateway.Host.Configuration;

/// <summary>What a gateway's settings file says of the subsystems it serves, what it publishes, who may call it and
/// whether each call gets a line in the diagnostic log: read at start, and again while the gateway runs when the file
/// changes.</summary>
/// <param name="Member">The member the file names.</param>
/// <param name="Subsystems">The member's subsystems this gateway serves, by code: their client certificates, whether
/// they may call over plain HTTP/2 on loopback, whether their payloads are logged.</param>
/// <param name="Services">The published services.</param>
/// <param name="AccessRights">The grants on them.</param>
/// <param name="LogCalls">Whether every completed call, not only a refusal, writes a line to the diagnostic log
/// (<c>logCalls</c>): what an operator turns on for an incident and off again, without a restart.</param>
public sealed record ServiceEntries(
    MemberId Member,
    FrozenDictionary<string, LocalSubsystem> Subsystems,
    FrozenDictionary<ServiceId, PublishedService> Services,
    AccessRights AccessRights,
    bool LogCalls);
