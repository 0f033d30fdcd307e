using Microsoft.Extensions.Logging;

namespace ExchangeGateway.Host.Consumer;

/// <summary>
/// Says when a provider gateway could not be reached: at the first call that fails, then once a minute at most while
/// calls go on failing (how many, since when), and once when a call reaches it again (<see cref="RepeatedFailures"/>).
/// </summary>
internal static class UnreachablePeers
{
    public static RepeatedFailures Create(TimeProvider time, ILogger logger) => new(time,
        (peer, detail) => Log.ProviderUnreachable(logger, peer, detail),
        (peer, failing, detail) => Log.ProviderStillUnreachable(logger, peer, failing.Since, failing.Count, detail),
        (peer, failing) => Log.ProviderReachable(logger, peer, failing.Count, failing.Since));
}
