using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Compact;

namespace ExchangeGateway.Host;

/// <summary>
/// Serilog, configured once for the process: structured lines to a file, and to the console when asked. Both sinks
/// are written by a background task every <see cref="Period"/> (<see cref="QueuedSink"/>), the file in blocks: a
/// call only enqueues its line. Writing and flushing each line on the calling thread took about 7 % of a gateway's
/// CPU samples under load; Serilog.Sinks.Async's per-line wake-ups and spinning about a fifth at one call at a
/// time. Disposing writes everything queued. One set-up for every command and for the benchmark's gateways.
/// </summary>
public static class GatewayLogging
{
    /// <summary>How often queued lines are written.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(200);

    /// <summary>The diagnostic loggers of a process, writing to <c>exgw.log.json</c> in
    /// <paramref name="directory"/>.</summary>
    public static ILoggerFactory Create(string directory, bool console)
    {
        Directory.CreateDirectory(directory);
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Grpc", LogEventLevel.Warning)

            // A host that fails to start (a port taken) throws to its owner, which says so in one line.
            .MinimumLevel.Override("Microsoft.Extensions.Hosting", LogEventLevel.Fatal)
            .Enrich.FromLogContext()

            // A peer that resets its stream (it gave up, or its deadline passed) is the peer's business, not an error
            // of this gateway; the message log records the call's outcome as CANCELLED or DEADLINE_EXCEEDED.
            .Filter.ByExcluding(e => e.Exception is IOException
                && e.Properties.TryGetValue("SourceContext", out var source)
                && source.ToString().Contains("Grpc.AspNetCore.Server", StringComparison.Ordinal))
            .WriteTo.Sink(Queued(configure => configure.File(
                new CompactJsonFormatter(), Path.Combine(directory, "exgw.log.json"), buffered: true,
                flushToDiskInterval: TimeSpan.FromSeconds(1))));
        if (console)
        {
            // The console names the gateway a line is from (a property of the file's lines), before its source.
            configuration = configuration.WriteTo.Logger(lines => lines.Enrich.With<GatewayPrefix>().WriteTo.Sink(
                Queued(configure => configure.Console(
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                    outputTemplate: "{Timestamp:HH:mm:ss.fff} {Level:u3} {GatewayPrefix}{SourceContext}: " +
                        "{Message:lj}{NewLine}{Exception}"))));
        }

        return new SerilogLoggerFactory(configuration.CreateLogger(), dispose: true);
    }

    /// <summary>"NAME " for a line that carries a <c>Gateway</c> property, for the console's template.</summary>
    private sealed class GatewayPrefix : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
        {
            if (logEvent.Properties.TryGetValue("Gateway", out var gateway)
                && gateway is ScalarValue { Value: string name })
            {
                logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty(nameof(GatewayPrefix), name + " "));
            }
        }
    }

    private static QueuedSink Queued(Action<Serilog.Configuration.LoggerSinkConfiguration> configure) =>
        new(Serilog.Configuration.LoggerSinkConfiguration.CreateSink(configure), Period);
}
