namespace ExchangeGateway.Host.Evidence;

/// <summary>Who asked what, as named by the caller: the fields every log record and envelope repeat.</summary>
/// <param name="MessageId">The message id.</param>
/// <param name="Client">The client subsystem.</param>
/// <param name="Service">The service.</param>
/// <param name="Method">The gRPC method name.</param>
/// <param name="UserId">The end user, or empty.</param>
/// <param name="Issue">The case or purpose, or empty.</param>
/// <param name="Subject">The person the call is about, or empty; never written anywhere as it is.</param>
internal sealed record CallIdentity(
    string MessageId, string Client, string Service, string Method, string UserId, string Issue, string Subject = "")
{
    /// <inheritdoc />
    public override string ToString() => $"{MessageId} {Client} -> {Service} {Method}";
}
