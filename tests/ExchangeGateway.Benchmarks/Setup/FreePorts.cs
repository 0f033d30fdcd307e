using System.Net;
using System.Net.Sockets;

namespace ExchangeGateway.Benchmarks.Setup;

/// <summary>Free loopback ports, found by binding to port 0, never the same one twice in a run.</summary>
internal sealed class FreePorts
{
    private readonly HashSet<int> _taken = [];

    public int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            if (_taken.Add(port))
            {
                return port;
            }
        }
    }
}
