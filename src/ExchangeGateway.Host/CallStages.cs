using System.Diagnostics;
using System.Diagnostics.Metrics;
using ExchangeGateway.Core;
using ExchangeGateway.Core.MessageLog;

namespace ExchangeGateway.Host;

/// <summary>
/// How long each stage of a call takes, as the histogram <see cref="InstrumentName"/> (seconds) of
/// <see cref="GatewayMeter"/>, tagged with the gateway, its side and the stage: where a call's time goes, for an
/// operator's metrics collector and for the benchmark. Recording costs a flag check while no one listens.
/// </summary>
internal sealed class CallStages(string gateway)
{
    public const string InstrumentName = "exgw.call.stage.duration";

    /// <summary>Encoding an envelope and signing it in the next batch.</summary>
    public const string Seal = "seal";

    /// <summary>Checking the other gateway's signature, signer and digests.</summary>
    public const string Verify = "verify";

    /// <summary>Appending the request record until it is durable.</summary>
    public const string RequestLog = "request-log";

    /// <summary>Appending the response record until it is durable.</summary>
    public const string ResponseLog = "response-log";

    /// <summary>The consumer's call to the provider gateway, from sending to the response's message (its status
    /// follows: <see cref="ProviderStatus"/>).</summary>
    public const string Exchange = "exchange";

    /// <summary>The consumer's wait, after its check of the response, for the provider's status, which the
    /// provider sends once its response record is durable.</summary>
    public const string ProviderStatus = "provider-status";

    /// <summary>The provider's call to the registry, from sending to the response.</summary>
    public const string Registry = "registry";

    /// <summary>From the call's arrival in the gateway's handler (the consumer's: the request's headers; the
    /// provider's: the request message, read and parsed) until its answer is written, the consumer's to the agency
    /// system, the provider's message to the consumer gateway (whose status follows): the whole of what each gateway
    /// does for a call the provider answers, of which the other stages are parts. Refusals record nothing.</summary>
    public const string Answered = "answered";

    private static readonly Histogram<double> Durations = GatewayMeter.Meter.CreateHistogram<double>(
        InstrumentName, "s",
        "Time spent in one stage of a call: sealing, signature checks, log commits and the onward call.");

    public void Record(LogSide side, string stage, long started)
    {
        if (!Durations.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { "exgw.gateway", gateway },
            { "exgw.side", side == LogSide.Consumer ? "consumer" : "provider" },
            { "exgw.stage", stage },
        };
        Durations.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
    }
}
