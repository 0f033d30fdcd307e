using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Compact;

namespace ExchangeGateway.Cli;

/// <summary>
/// Serilog, configured once for the process: structured lines to a file, and to the console when asked.
/// </summary>
internal static class Logging
{
    public static ILoggerFactory Create(string directory, bool console)
    {
        Directory.CreateDirectory(directory);
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Grpc", LogEventLevel.Warning)
            .Enrich.FromLogContext()

            // A peer that resets its stream (it gave up, or its deadline passed) is the peer's business, not an error
            // of this gateway; the message log records the call's outcome as CANCELLED or DEADLINE_EXCEEDED.
            .Filter.ByExcluding(e => e.Exception is IOException
                && e.Properties.TryGetValue("SourceContext", out var source)
                && source.ToString().Contains("Grpc.AspNetCore.Server", StringComparison.Ordinal))
            .WriteTo.File(new CompactJsonFormatter(), Path.Combine(directory, "exgw.log.json"));
        if (console)
        {
            configuration = configuration.WriteTo.Console(
                formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                outputTemplate: "{Timestamp:HH:mm:ss.fff} {Level:u3} {SourceContext}: {Message:lj}{NewLine}" +
                    "{Exception}");
        }

        return new SerilogLoggerFactory(configuration.CreateLogger(), dispose: true);
    }
}
