namespace ExchangeGateway.Core.Envelopes;

/// <summary>Whether an envelope carries a request or a response.</summary>
public enum EnvelopeKind
{
    /// <summary>A request from a client subsystem to a service.</summary>
    Request = 0,

    /// <summary>A provider's answer, bound to the request by its hash.</summary>
    Response = 1,
}
