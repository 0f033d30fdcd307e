using Microsoft.Extensions.Logging;

namespace ExchangeGateway.Host;

/// <summary>
/// The gateway's diagnostic log events. Event name = method name; a peer's fault logs at Information.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information,
        "Federation configuration serial {Serial} of {Instance} loaded, expires {ExpiresAt:O}")]
    public static partial void FederationLoaded(ILogger logger, long serial, string instance, DateTimeOffset expiresAt);

    [LoggerMessage(2, LogLevel.Warning, "Federation configuration {File} refused: {Reason}; {InForce}")]
    public static partial void FederationRefused(ILogger logger, string file, string reason, string inForce);

    [LoggerMessage(3, LogLevel.Information,
        "Exchange {Side} {MessageId} {Client} -> {Service} {Method}: {Outcome} in {ElapsedMs:F1} ms")]
    public static partial void Exchange(
        ILogger logger, string side, string messageId, string client, string service, string method, string outcome,
        double elapsedMs);

    [LoggerMessage(4, LogLevel.Information,
        "Call refused {Side} {MessageId} {Client} -> {Service} {Method}: {Outcome}: {Detail}")]
    public static partial void Refused(
        ILogger logger, string side, string messageId, string client, string service, string method, string outcome,
        string detail);

    [LoggerMessage(5, LogLevel.Error, "Message log unavailable, call {MessageId} refused: {Detail}")]
    public static partial void LogUnavailable(ILogger logger, string messageId, string detail);

    [LoggerMessage(6, LogLevel.Information, "Peer TLS certificate refused: {Subject}: {Reason}")]
    public static partial void PeerCertificateRefused(ILogger logger, string subject, string reason);

    [LoggerMessage(7, LogLevel.Information,
        "Gateway {Gateway} listening: client {ClientEndpoint}, exchange {ExchangeEndpoint}")]
    public static partial void Listening(
        ILogger logger, string gateway, string clientEndpoint, string exchangeEndpoint);

    // {Peer}, not {Gateway}: that property names the gateway that writes the line.
    [LoggerMessage(8, LogLevel.Warning, "Provider gateway {Peer} unreachable: {Detail}")]
    public static partial void ProviderUnreachable(ILogger logger, string peer, string detail);

    [LoggerMessage(33, LogLevel.Warning,
        "Provider gateway {Peer} still unreachable since {Since:O}: {Calls} call(s) failed to reach it; " +
        "last: {Detail}")]
    public static partial void ProviderStillUnreachable(
        ILogger logger, string peer, DateTimeOffset since, int calls, string detail);

    [LoggerMessage(34, LogLevel.Information,
        "Provider gateway {Peer} reached again, after {Calls} call(s) that failed to reach it since {Since:O}")]
    public static partial void ProviderReachable(ILogger logger, string peer, int calls, DateTimeOffset since);

    [LoggerMessage(13, LogLevel.Warning, "Registry {Registry} of {Service} unreachable: {Detail}")]
    public static partial void RegistryUnreachable(ILogger logger, Uri registry, string service, string detail);

    [LoggerMessage(14, LogLevel.Information,
        "Subsystems, services and grants read again from {File}: {Subsystems} subsystem(s) with {Certificates} " +
        "client certificate(s), {Services} service(s), {Grants} grant(s) naming {Methods} method(s), a line a " +
        "call {CallLines}; other settings take effect when the gateway restarts")]
    public static partial void ServicesReloaded(ILogger logger, string file, int subsystems, int certificates,
        int services, int grants, int methods, string callLines);

    [LoggerMessage(18, LogLevel.Warning,
        "Settings file {File}: {Settings} changed since the gateway started, and such settings are read at start " +
        "only: it runs on with the values it started with until it restarts")]
    public static partial void RestartPending(ILogger logger, string file, string settings);

    [LoggerMessage(15, LogLevel.Warning,
        "Settings file {File} changed but is refused; the subsystems, services and grants in force stay: {Reason}")]
    public static partial void ServicesRefused(ILogger logger, string file, string reason);

    [LoggerMessage(12, LogLevel.Warning, "Gateway {Gateway}: {Problem}")]
    public static partial void StartupProblem(ILogger logger, string gateway, string problem);

    [LoggerMessage(9, LogLevel.Information,
        "Time-stamped records {FirstSequence}..{LastSequence} ({Count}) with {Authority}")]
    public static partial void Timestamped(
        ILogger logger, int count, long firstSequence, long lastSequence, string authority);

    [LoggerMessage(10, LogLevel.Warning, "Time-stamping failed for {Count} record(s): {Detail}")]
    public static partial void TimestampingFailed(ILogger logger, int count, string detail);

    [LoggerMessage(16, LogLevel.Warning,
        "Time-stamping still failing since {Since:O} ({Rounds} round(s)), {Count} record(s) waiting: {Detail}")]
    public static partial void TimestampingStillFailing(
        ILogger logger, DateTimeOffset since, int rounds, int count, string detail);

    [LoggerMessage(17, LogLevel.Information,
        "Time-stamping works again, after {Rounds} failed round(s) since {Since:O}")]
    public static partial void TimestampingRecovered(ILogger logger, int rounds, DateTimeOffset since);

    [LoggerMessage(35, LogLevel.Warning,
        "Time-stamping before stopping gave up after {Seconds} s; the records left are stamped after the next start")]
    public static partial void TimestampingCutShort(ILogger logger, double seconds);

    [LoggerMessage(11, LogLevel.Warning,
        "Records unstamped for {AgeMinutes:F1} min; new calls stop at {LimitMinutes:F1} min")]
    public static partial void TimestampingLate(ILogger logger, double ageMinutes, double limitMinutes);

    [LoggerMessage(30, LogLevel.Information,
        "Archived records {FirstSequence}..{LastSequence} to {Archive}")]
    public static partial void Archived(ILogger logger, long firstSequence, long lastSequence, string archive);

    [LoggerMessage(31, LogLevel.Information, "Purged {Count} archived records older than {RetentionDays} days")]
    public static partial void Purged(ILogger logger, long count, double retentionDays);

    [LoggerMessage(32, LogLevel.Warning, "Archiving failed: {Detail}")]
    public static partial void ArchivingFailed(ILogger logger, string detail);
}
