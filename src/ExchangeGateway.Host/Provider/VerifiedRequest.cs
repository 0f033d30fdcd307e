using ExchangeGateway.Core.Envelopes;
using ExchangeGateway.Core.Identifiers;
using ExchangeGateway.Host.Configuration;

namespace ExchangeGateway.Host.Provider;

/// <summary>A request whose peer, signature and envelope have been checked.</summary>
/// <param name="Envelope">The decoded envelope.</param>
/// <param name="EnvelopeHash">SHA-256 of the envelope bytes: what the response binds to.</param>
/// <param name="Client">The client subsystem.</param>
/// <param name="Service">The published service called.</param>
/// <param name="BodyLogging">Whether the service's subsystem has its payloads logged, by the settings that
/// published it.</param>
internal sealed record VerifiedRequest(
    Envelope Envelope, byte[] EnvelopeHash, SubsystemId Client, PublishedService Service, bool BodyLogging);
