using Microsoft.Extensions.Logging;

namespace ExchangeGateway.Host;

/// <summary>The audit endpoint's log events (ids from 40). Never a key, never a subject identifier.</summary>
internal static partial class Log
{
    [LoggerMessage(40, LogLevel.Information, "Gateway {Gateway} audit endpoint listening: {AuditEndpoint}")]
    public static partial void AuditListening(ILogger logger, string gateway, string auditEndpoint);

    [LoggerMessage(41, LogLevel.Information,
        "Audit {Method} by {KeyName} ({Role}): {Request}: {Outcome} in {ElapsedMs:F1} ms")]
    public static partial void AuditCall(
        ILogger logger, string keyName, string role, string method, string request, string outcome,
        double elapsedMs);

    [LoggerMessage(42, LogLevel.Information, "Audit {Method} from {Peer} refused: {Outcome}")]
    public static partial void AuditRefused(ILogger logger, string method, string peer, string outcome);

    [LoggerMessage(43, LogLevel.Error, "Audit API could not read the message log: {Detail}")]
    public static partial void AuditLogUnreadable(ILogger logger, string detail);

    [LoggerMessage(44, LogLevel.Error, "Audit call failed in the gateway")]
    public static partial void AuditFailed(ILogger logger, Exception exception);
}
