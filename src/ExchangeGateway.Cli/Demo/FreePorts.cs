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
        using var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
        }
        catch (SocketException ex)
        {
            throw new IOException($"port {port} on 127.0.0.1, for {what}, cannot be opened: {ex.Message}; " +
                "stop what holds it, or give another --base-port", ex);
        }
        finally
        {
            listener.Stop();
        }
    }
}
