using System.Text;

namespace ExchangeGateway.Host.Consumer;

/// <summary>
/// Percent-encodes <c>grpc-message</c> as the gRPC spec requires (UTF-8, bytes outside 0x20-0x7E and '%').
/// </summary>
internal static class StatusMessage
{
    public static string Encode(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        var builder = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
