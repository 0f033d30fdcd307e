using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ExchangeGateway.Host.Tests.Support;

/// <summary>Keeps every formatted log line, to check what a gateway writes to its diagnostic log; a line written
/// inside a scope that names a gateway (the property <c>Gateway</c>) starts with that name in brackets.</summary>
public sealed class RecordingLoggers : ILoggerProvider
{
    private static readonly AsyncLocal<string?> Gateway = new();

    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILoggerFactory Factory() => LoggerFactory.Create(builder => builder.AddProvider(this));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(RecordingLoggers owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            var named = (state as IEnumerable<KeyValuePair<string, object>>)?.FirstOrDefault(p => p.Key == "Gateway");
            if (named?.Value is not string name)
            {
                return null;
            }

            var outer = Gateway.Value;
            Gateway.Value = name;
            return new Scope(() => Gateway.Value = outer);
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) =>
            owner._lines.Enqueue((Gateway.Value is { } name ? $"[{name}] " : "") +
                $"{logLevel} {category} {eventId.Name}: {formatter(state, exception)} {exception}");
    }

    private sealed class Scope(Action end) : IDisposable
    {
        public void Dispose() => end();
    }
}
