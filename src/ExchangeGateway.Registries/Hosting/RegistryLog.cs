using Microsoft.Extensions.Logging;

namespace ExchangeGateway.Registries.Hosting;

/// <summary>The log events of the demo registries.</summary>
internal static partial class RegistryLog
{
    [LoggerMessage(
        EventId = 1, EventName = nameof(RegistryStarted), Level = LogLevel.Information,
        Message = "Demo registry {Kind} listening on {Address}")]
    public static partial void RegistryStarted(ILogger logger, RegistryKind kind, Uri address);

    [LoggerMessage(
        EventId = 2, EventName = nameof(RecordNotFound), Level = LogLevel.Debug,
        Message = "{Registry} found no record for {Method}: {Detail}")]
    public static partial void RecordNotFound(ILogger logger, string registry, string method, string detail);

    // The caller sent a malformed query: the caller's fault, so Information rather than Warning.
    [LoggerMessage(
        EventId = 3, EventName = nameof(QueryRejected), Level = LogLevel.Information,
        Message = "{Registry} rejected a malformed query to {Method}: {Detail}")]
    public static partial void QueryRejected(ILogger logger, string registry, string method, string detail);
}
