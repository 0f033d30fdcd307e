namespace ExchangeGateway.Host.Consumer;

/// <summary>Binary metadata on the wire: base64, padded or not, as gRPC implementations differ.</summary>
internal static class Base64
{
    public static byte[] Decode(string text)
    {
        var padded = (text.Length % 4) switch
        {
            2 => text + "==",
            3 => text + "=",
            _ => text,
        };
        return Convert.TryFromBase64String(padded, new byte[padded.Length], out _)
            ? Convert.FromBase64String(padded)
            : [];
    }

    public static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');
}
