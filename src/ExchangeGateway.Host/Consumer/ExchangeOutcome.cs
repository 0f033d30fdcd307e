using ExchangeGateway.Host.Faults;

namespace ExchangeGateway.Host.Consumer;

/// <summary>
/// How an exchange ended: a verified response and the answer built from it; or a refusal by this gateway; or a
/// status that passes through as it came (a provider gateway's refusal, a deadline, a cancellation).
/// </summary>
internal sealed class ExchangeOutcome
{
    public VerifiedResponse? Response { get; private init; }

    public ClientAnswer? Answer { get; private init; }

    public GatewayFault? Fault { get; private init; }

    public ClientAnswer? Passthrough { get; private init; }

    /// <summary>The outcome the message log records when there is no verified response.</summary>
    public string LogOutcome { get; private init; } = "";

    /// <summary>
    /// For a verified response that came before the provider's status: completes when the status arrives, with
    /// nothing when it is OK (the provider's response record is durable), or with the outcome the exchange ends with
    /// instead. A verified response without it is confirmed already.
    /// </summary>
    public Task<ExchangeOutcome?>? ProviderStatus { get; private init; }

    public static ExchangeOutcome Verified(VerifiedResponse response, ClientAnswer answer) =>
        new() { Response = response, Answer = answer };

    /// <summary>This verified response, to be confirmed by <paramref name="status"/>.</summary>
    public ExchangeOutcome Awaiting(Task<ExchangeOutcome?> status) =>
        new() { Response = Response, Answer = Answer, ProviderStatus = status };

    public static ExchangeOutcome Refused(GatewayFault fault) => new() { Fault = fault, LogOutcome = fault.Outcome };

    public static ExchangeOutcome PassedThrough(ClientAnswer answer, string outcome) =>
        new() { Passthrough = answer, LogOutcome = outcome };
}
