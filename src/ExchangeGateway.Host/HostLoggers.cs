using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExchangeGateway.Host;

/// <summary>
/// The loggers of one gateway: the factory it was given, every line carrying the gateway's name as the property
/// <c>Gateway</c> (so that one log shared by several gateways, as in <c>exgw up</c>, tells them apart), and without
/// ASP.NET Core's per-request hosting diagnostics.
/// </summary>
/// <remarks>
/// While <c>Microsoft.AspNetCore.Hosting.Diagnostics</c> logs at any level, the host starts an
/// <see cref="System.Diagnostics.Activity"/> and a log scope for every request, and HttpClient then starts one more
/// for every call the gateway makes onward and adds trace headers to it: an allocation profile put these among the
/// ten largest per call. Its lines (request started and finished) are below the level the gateway logs anyway; a
/// gateway's own log lines and the message log say what each call did. The name is a scope opened for each line
/// written, not for each call: lines are few unless <c>logCalls</c> is set.
/// </remarks>
internal sealed class HostLoggers(ILoggerFactory inner, string gateway) : ILoggerFactory
{
    private const string HostingDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

    private readonly KeyValuePair<string, object>[] _name = [new("Gateway", gateway)];

    public ILogger CreateLogger(string categoryName) => categoryName == HostingDiagnostics
        ? NullLogger.Instance
        : new Named(inner.CreateLogger(categoryName), _name);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    // The gateway's factory belongs to whoever made it; the gateway only borrows it.
    public void Dispose()
    {
    }

    private sealed class Named(ILogger inner, KeyValuePair<string, object>[] name) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            using (inner.BeginScope(name))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
