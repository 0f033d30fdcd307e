namespace ExchangeGateway.Cli.Demo;

/// <summary>How a scenario went.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Outcome">The outcome seen: <c>OK</c> or <c>STATUS REASON</c>.</param>
/// <param name="Milliseconds">Wall time of the call, end to end through both gateways.</param>
/// <param name="Summary">A short account of the answer.</param>
/// <param name="MessageId">The message id used.</param>
internal sealed record ScenarioResult(
    Scenario Scenario, string Outcome, double Milliseconds, string Summary, string MessageId)
{
    public bool AsExpected => Outcome == Scenario.Expected;
}
