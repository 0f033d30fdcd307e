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
}
