namespace ExchangeGateway.Core.Identifiers;

/// <summary>Checks gRPC service and method names: dot-separated protobuf identifiers, ASCII only.</summary>
internal static class ProtobufName
{
    public static IdentifierError? Check(string part, string? value, bool dotted)
    {
        var error = IdentifierPart.Check(part, value);
        if (error is not null)
        {
            return error;
        }

        var segments = value!.Split('.');
        if (!dotted && segments.Length > 1)
        {
            return new IdentifierError(part, "contains '.'");
        }

        foreach (var segment in segments)
        {
            if (segment.Length == 0)
            {
                return new IdentifierError(part, "has an empty segment between dots");
            }

            if (!IsIdentifier(segment))
            {
                return new IdentifierError(
                    part, $"segment '{segment}' is not a protobuf identifier ([A-Za-z_][A-Za-z0-9_]*)");
            }
        }

        return null;
    }

    private static bool IsIdentifier(string segment)
    {
        if (!char.IsAsciiLetter(segment[0]) && segment[0] != '_')
        {
            return false;
        }

        foreach (var c in segment)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
