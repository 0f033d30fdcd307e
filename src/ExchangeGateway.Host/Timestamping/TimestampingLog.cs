using Microsoft.Extensions.Logging;

namespace ExchangeGateway.Host.Timestamping;

/// <summary>
/// Diagnostic events of the time-stamping authority and client. Event name = method name; ids from 200, apart from
/// the gateway's; a requester's or an authority's fault logs at Information or Warning.
/// </summary>
internal static partial class TimestampingLog
{
    [LoggerMessage(201, LogLevel.Information, "Time-stamping authority listening on {Address}, policy {Policy}")]
    public static partial void AuthorityListening(ILogger logger, string address, string policy);

    [LoggerMessage(202, LogLevel.Debug, "Time-stamp granted: {Detail}")]
    public static partial void TokenGranted(ILogger logger, string detail);

    [LoggerMessage(203, LogLevel.Information, "Time-stamp request refused ({Status}): {Detail}")]
    public static partial void RequestRefused(ILogger logger, string status, string detail);

    [LoggerMessage(204, LogLevel.Warning, "Time-stamping authority {Authority} failed: {Detail}")]
    public static partial void AuthorityFailed(ILogger logger, string authority, string detail);

    [LoggerMessage(207, LogLevel.Warning,
        "Time-stamping authority {Authority} still failing since {Since:O}: {Count} tries failed; last: {Detail}")]
    public static partial void AuthorityStillFailing(
        ILogger logger, string authority, DateTimeOffset since, int count, string detail);

    [LoggerMessage(208, LogLevel.Information,
        "Time-stamping authority {Authority} answered again, after {Count} tries that failed since {Since:O}")]
    public static partial void AuthorityAnswered(ILogger logger, string authority, int count, DateTimeOffset since);

    [LoggerMessage(205, LogLevel.Warning,
        "Time-stamping authority {Authority} circuit opened after repeated failures, the last: {Cause}; tried again " +
        "every {BreakSeconds:F0} s, and said again only once it has answered")]
    public static partial void CircuitOpened(ILogger logger, string authority, string cause, double breakSeconds);

    [LoggerMessage(206, LogLevel.Information, "Time-stamping authority {Authority} circuit closed")]
    public static partial void CircuitClosed(ILogger logger, string authority);
}
