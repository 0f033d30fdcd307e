using System.Collections.Frozen;
using ExchangeGateway.Core.Identifiers;

namespace ExchangeGateway.Host.Configuration;

/// <summary>A validated subsystem of this gateway's member.</summary>
/// <param name="Id">The subsystem.</param>
/// <param name="ClientCertificates">Fingerprints of the client certificates registered to it.</param>
/// <param name="PlainLoopback">Whether it may call over plain HTTP/2 on loopback.</param>
/// <param name="BodyLogging">Whether payloads are logged.</param>
public sealed record LocalSubsystem(
    SubsystemId Id, FrozenSet<string> ClientCertificates, bool PlainLoopback, bool BodyLogging);
