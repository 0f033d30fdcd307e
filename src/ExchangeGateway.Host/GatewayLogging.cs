using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Compact;

namespace ExchangeGateway.Host;

/// <summary>
/// Serilog, configured once for the process: structured lines to a file, and to the console when asked. Both sinks
/// are written by a background thread from a bounded queue, the file in blocks: a call only enqueues its line
/// (written on the calling thread and flushed at every line, the per-call line took about 7 % of a gateway's CPU
/// samples in a profile under load). When the queue is full, callers wait rather than lines being dropped; disposing
/// flushes everything. One set-up for every command and for the benchmark's gateways.
/// </summary>
public static class GatewayLogging
{
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
            .WriteTo.Async(
                sink => sink.File(new CompactJsonFormatter(), Path.Combine(directory, "exgw.log.json"), buffered: true,
                    flushToDiskInterval: TimeSpan.FromSeconds(1)),
                blockWhenFull: true);
        if (console)
        {
            configuration = configuration.WriteTo.Async(
                sink => sink.Console(
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                    outputTemplate: "{Timestamp:HH:mm:ss.fff} {Level:u3} {SourceContext}: {Message:lj}{NewLine}" +
                        "{Exception}"),
                blockWhenFull: true);
        }

        return new SerilogLoggerFactory(configuration.CreateLogger(), dispose: true);
    }
}
