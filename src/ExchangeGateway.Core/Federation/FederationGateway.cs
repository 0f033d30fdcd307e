using ExchangeGateway.Core.Identifiers;

namespace ExchangeGateway.Core.Federation;

/// <summary>A validated gateway entry.</summary>
/// <param name="Name">The gateway's name.</param>
/// <param name="Owner">The member that runs it.</param>
/// <param name="Address">Its exchange endpoint.</param>
public sealed record FederationGateway(string Name, MemberId Owner, Uri Address);
