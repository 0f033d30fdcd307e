namespace ExchangeGateway.Host.Configuration;

/// <summary>The audit endpoint, as an administrator writes it; without this section there is no audit endpoint.
/// </summary>
public sealed record AuditSettings
{
    /// <summary>
    /// Address and port, e.g. <c>127.0.0.1:7104</c>; required, and not the client or exchange endpoint's. Port 0
    /// takes a free port, which the gateway prints when it starts. No default.
    /// </summary>
    public string Address { get; init; } = "";

    /// <summary>The API keys (made with <c>exgw audit key</c>); at least one.</summary>
    public IReadOnlyList<AuditKeySettings> Keys { get; init; } = [];
}

/// <summary>One API key of the audit endpoint: never the key itself, only its hash.</summary>
public sealed record AuditKeySettings
{
    /// <summary>Who holds the key, e.g. <c>auditor-1</c>.</summary>
    public string Name { get; init; } = "";

    /// <summary><c>auditor</c>, <c>security-officer</c> or <c>observer</c>.</summary>
    public string Role { get; init; } = "";

    /// <summary>SHA-256 of the key's text, as 64 hexadecimal digits.</summary>
    public string Sha256 { get; init; } = "";
}
