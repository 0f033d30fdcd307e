using System.Net;
using System.Net.Sockets;

namespace ExchangeGateway.Cli.Demo;

/// <summary>Finds free loopback ports by binding to port 0; the demo then writes them into its configuration.</summary>
internal static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Fails, naming <paramref name="what"/>, when <paramref name="port"/> cannot be bound on loopback
    /// now; binds it only for the check.</summary>
    public static void Check(int port, string what)
    {
        if (Busy(new IPEndPoint(IPAddress.Loopback, port)) is { } ex)
        {
            throw new IOException($"port {port} on 127.0.0.1, for {what}, cannot be opened: {ex.Message}; " +
                "stop what holds it, or give another --base-port", ex);
        }
    }

    /// <summary>Why <paramref name="endpoint"/> cannot be listened on now, or null when it can; binds it only for
    /// the check.</summary>
    public static SocketException? Busy(IPEndPoint endpoint)
    {
        using var listener = new TcpListener(endpoint);
        try
        {
            listener.Start();
            return null;
        }
        catch (SocketException ex)
        {
            return ex;
        }
        finally
        {
            listener.Stop();
        }
    }
}
