using ExchangeGateway.Core.MessageLog;

namespace ExchangeGateway.Core.Subjects;

/// <summary>One call about a person, as one gateway recorded it.</summary>
/// <param name="At">When the gateway logged the request.</param>
/// <param name="Side">Whether the gateway was the caller's or the registry's.</param>
/// <param name="MessageId">The message id.</param>
/// <param name="Client">The calling subsystem.</param>
/// <param name="Service">The service called.</param>
/// <param name="Method">The method called.</param>
/// <param name="UserId">The end user named by the caller.</param>
/// <param name="Issue">The case or purpose named by the caller.</param>
/// <param name="Outcome">How the call ended.</param>
public sealed record SubjectAccess(
    DateTimeOffset At,
    LogSide Side,
    string MessageId,
    string Client,
    string Service,
    string Method,
    string UserId,
    string Issue,
    string Outcome);
