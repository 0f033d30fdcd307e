using ExchangeGateway.Host.Faults;
using Google.Protobuf;

namespace ExchangeGateway.Host.Consumer;

/// <summary>What the consumer gateway answers the agency system: the registry's answer or a refusal.</summary>
internal sealed class ClientAnswer
{
    public required int StatusCode { get; init; }

    public required string Detail { get; init; }

    public byte[]? Payload { get; init; }

    public IReadOnlyList<KeyValuePair<string, byte[]>> Headers { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, byte[]>> Trailers { get; init; } = [];

    public string? MessageId { get; init; }

    public byte[]? RequestHash { get; init; }

    /// <summary>Whether this is the provider's verified response, as the provider sent it (not a refusal of either
    /// gateway's): the calls whose time in the gateway <see cref="CallStages.Answered"/> measures.</summary>
    public bool Verified { get; init; }

    public static ClientAnswer From(GatewayFault fault, string gateway, string member, string? messageId) => new()
    {
        StatusCode = (int)fault.Code,
        Detail = fault.Message,
        Trailers = [KeyValuePair.Create(StatusNames.DetailsTrailer, fault.ToStatus(gateway, member).ToByteArray())],
        MessageId = messageId,
    };
}
