namespace ExchangeGateway.Host;

/// <summary>The HTTP/2 stream receive window of the gateway's own clients (to peer gateways and registries).</summary>
internal static class StreamWindow
{
    /// <summary>The most <see cref="System.Net.Http.SocketsHttpHandler"/> accepts unless configured otherwise.</summary>
    public const int Max = 16 * 1024 * 1024;

    /// <summary>
    /// A window that holds the largest message whole (up to <see cref="Max"/>): the sender never stops to wait for
    /// a window update from the gateway, which reads every message whole anyway. With the default (64 KiB, grown
    /// as data comes) each large answer cost round trips of window updates.
    /// </summary>
    public static int For(int messageBytes) => Math.Clamp(messageBytes, 65_535, Max);
}
