namespace ExchangeGateway.Core.Identifiers;

/// <summary>
/// Why an identifier was refused: the part at fault and the reason, in words an administrator can act on.
/// </summary>
/// <param name="Part">The part at fault, e.g. "member code" or "subsystem code".</param>
/// <param name="Reason">What is wrong with it, e.g. "contains '/' at position 4".</param>
public sealed record IdentifierError(string Part, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{Part}: {Reason}";
}
