using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExchangeGateway.Host;

/// <summary>
/// The logger factory the gateway's web hosts use: the gateway's own, without ASP.NET Core's per-request hosting
/// diagnostics.
/// </summary>
/// <remarks>
/// While <c>Microsoft.AspNetCore.Hosting.Diagnostics</c> logs at any level, the host starts an
/// <see cref="System.Diagnostics.Activity"/> and a log scope for every request, and HttpClient then starts one more
/// for every call the gateway makes onward and adds trace headers to it: an allocation profile put these among the
/// ten largest per call. Its lines (request started and finished) are below the level the gateway logs anyway; a
/// gateway's own log lines and the message log say what each call did.
/// </remarks>
internal sealed class HostLoggers(ILoggerFactory inner) : ILoggerFactory
{
    private const string HostingDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public ILogger CreateLogger(string categoryName) =>
        categoryName == HostingDiagnostics ? NullLogger.Instance : inner.CreateLogger(categoryName);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    // The gateway's factory belongs to whoever made it; the hosts only borrow it.
    public void Dispose()
    {
    }
}
