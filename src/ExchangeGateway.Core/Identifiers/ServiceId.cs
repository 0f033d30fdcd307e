using System.Diagnostics.CodeAnalysis;

namespace ExchangeGateway.Core.Identifiers;

/// <summary>
/// A service: a subsystem plus a gRPC service's full name, written
/// <c>INSTANCE/CLASS/CODE/SUBSYSTEM:package.Service</c>.
/// </summary>
public sealed record ServiceId
{
    private ServiceId(SubsystemId subsystem, string name)
    {
        Subsystem = subsystem;
        Name = name;
    }

    /// <summary>The subsystem that publishes the service.</summary>
    public SubsystemId Subsystem { get; }

    /// <summary>The gRPC service's full name, e.g. <c>migration.v1.ResidencePermits</c>.</summary>
    public string Name { get; }

    /// <summary>Parses a service identifier, or says which part is wrong.</summary>
    public static bool TryParse(
        string? text, [NotNullWhen(true)] out ServiceId? service, [NotNullWhen(false)] out IdentifierError? error)
    {
        service = null;
        if (string.IsNullOrEmpty(text))
        {
            error = new IdentifierError("service", "is empty");
            return false;
        }

        if (text.Length > IdentifierText.MaxLength)
        {
            error = new IdentifierError(
                "service", $"is {text.Length} characters long, more than {IdentifierText.MaxLength}");
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            error = new IdentifierError("service", "has no ':' between the subsystem and the gRPC service name");
            return false;
        }

        if (!SubsystemId.TryParse(text[..colon], out var subsystem, out error))
        {
            return false;
        }

        return TryCreate(subsystem, text[(colon + 1)..], out service, out error);
    }

    /// <summary>Parses a service identifier and throws <see cref="FormatException"/> when it is bad.</summary>
    public static ServiceId Parse(string text) => TryParse(text, out var service, out var error)
        ? service
        : throw new FormatException($"bad service '{text}': {error}");

    /// <summary>Makes the service <paramref name="name"/> published by <paramref name="subsystem"/>.</summary>
    public static bool TryCreate(
        SubsystemId subsystem,
        string name,
        [NotNullWhen(true)] out ServiceId? service,
        [NotNullWhen(false)] out IdentifierError? error)
    {
        service = null;
        error = ProtobufName.Check("service name", name, dotted: true);
        if (error is not null)
        {
            return false;
        }

        service = new ServiceId(subsystem, name);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Subsystem}:{Name}";
}
