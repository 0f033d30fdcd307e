namespace ExchangeGateway.Host.Configuration;

/// <summary>What a caller of the audit API may do.</summary>
public enum AuditRole
{
    /// <summary>Only lists the archive files (<c>observer</c>).</summary>
    Observer = 0,

    /// <summary>Searches the log, fetches evidence and archives (<c>auditor</c>).</summary>
    Auditor = 1,

    /// <summary>The same rights as an auditor (<c>security-officer</c>).</summary>
    SecurityOfficer = 2,
}
