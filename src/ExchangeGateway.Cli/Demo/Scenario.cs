using Grpc.Core;

namespace ExchangeGateway.Cli.Demo;

/// <summary>One demo call: who calls what, the outcome expected, and the call itself through generated stubs.</summary>
/// <param name="Title">What happens, in the words of the people involved.</param>
/// <param name="Caller">The calling agency.</param>
/// <param name="Client">The <c>xroad-client</c> sent.</param>
/// <param name="Service">The <c>xroad-service</c> sent.</param>
/// <param name="Method">The gRPC method called.</param>
/// <param name="Expected">The outcome expected: <c>OK</c> or <c>STATUS REASON</c>.</param>
/// <param name="Call">Makes the call on a channel with the given headers; returns a one-line summary of the
/// answer.</param>
/// <param name="Subject">The document number of the person the call is about (<c>xroad-subject</c>).</param>
internal sealed record Scenario(
    string Title,
    DemoAgency Caller,
    string Client,
    string Service,
    string Method,
    string Expected,
    Func<CallInvoker, Metadata, Task<string>> Call,
    string Subject);
