using System.Net;

namespace ExchangeGateway.Host.Configuration;

/// <summary>The audit endpoint: its own address (TLS with the gateway's certificate) and its own API keys.</summary>
public sealed record AuditOptions
{
    /// <summary>Where the audit endpoint listens.</summary>
    public required IPEndPoint Endpoint { get; init; }

    /// <summary>The accepted API keys; at least one.</summary>
    public required IReadOnlyList<AuditKey> Keys { get; init; }
}
