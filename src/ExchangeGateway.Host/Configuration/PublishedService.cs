using ExchangeGateway.Core.Identifiers;

namespace ExchangeGateway.Host.Configuration;

/// <summary>A validated published service and the registry behind it.</summary>
/// <param name="Id">The service.</param>
/// <param name="Registry">The registry's address.</param>
public sealed record PublishedService(ServiceId Id, Uri Registry);
