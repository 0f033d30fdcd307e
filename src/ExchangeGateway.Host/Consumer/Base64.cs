namespace ExchangeGateway.Host.Consumer;

/// <summary>Binary metadata on the wire: base64, padded or not, as gRPC implementations differ.</summary>
internal static class Base64
{
    /// <summary>Decodes <paramref name="text"/>; null when it is not base64.</summary>
    public static byte[]? TryDecode(string text)
    {
        var padded = (text.Length % 4) switch
        {
            2 => text + "==",
            3 => text + "=",
            _ => text,
        };
        var buffer = new byte[padded.Length];
        return Convert.TryFromBase64String(padded, buffer, out var written) ? buffer[..written] : null;
    }

    public static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');
}
