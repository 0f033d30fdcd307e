using ExchangeGateway.Core.Identifiers;
using ExchangeGateway.Host.Configuration;
using ExchangeGateway.Host.Evidence;

namespace ExchangeGateway.Host.Consumer;

/// <summary>An agency system's call once its identities are parsed and authenticated.</summary>
/// <param name="Call">The identities as text, for envelopes and records.</param>
/// <param name="Client">The local client subsystem.</param>
/// <param name="Service">The service called.</param>
/// <param name="Method">The gRPC method path.</param>
/// <param name="Deadline">The agency system's deadline, if it set one.</param>
internal sealed record ClientRequest(
    CallIdentity Call, LocalSubsystem Client, ServiceId Service, MethodPath Method, DateTime? Deadline);
