using System.Diagnostics.CodeAnalysis;

namespace ExchangeGateway.Core.Identifiers;

/// <summary>A gRPC method path, <c>/package.Service/Method</c>, split into its service and method names.</summary>
public sealed record MethodPath
{
    private MethodPath(string service, string method)
    {
        Service = service;
        Method = method;
    }

    /// <summary>The gRPC service's full name.</summary>
    public string Service { get; }

    /// <summary>The method's name within the service.</summary>
    public string Method { get; }

    /// <summary>Parses a gRPC path such as <c>/migration.v1.ResidencePermits/GetPermit</c>.</summary>
    public static bool TryParse(
        string? path, [NotNullWhen(true)] out MethodPath? method, [NotNullWhen(false)] out IdentifierError? error)
    {
        method = null;
        if (string.IsNullOrEmpty(path) || path[0] != '/')
        {
            error = new IdentifierError("method path", "does not start with '/'");
            return false;
        }

        var slash = path.IndexOf('/', 1);
        if (slash < 0)
        {
            error = new IdentifierError("method path", "has no '/' between service and method");
            return false;
        }

        return TryCreate(path[1..slash], path[(slash + 1)..], out method, out error);
    }

    /// <summary>Makes a method path from a service name and a method name.</summary>
    public static bool TryCreate(
        string service,
        string methodName,
        [NotNullWhen(true)] out MethodPath? method,
        [NotNullWhen(false)] out IdentifierError? error)
    {
        method = null;
        error = ProtobufName.Check("service name", service, dotted: true)
            ?? ProtobufName.Check("method name", methodName, dotted: false);
        if (error is not null)
        {
            return false;
        }

        method = new MethodPath(service, methodName);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"/{Service}/{Method}";
}
