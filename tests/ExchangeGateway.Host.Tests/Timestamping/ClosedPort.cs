using System.Net;
using System.Net.Sockets;

namespace ExchangeGateway.Host.Tests.Timestamping;

/// <summary>An authority that is down: a loopback port that was free a moment ago and has nothing listening.</summary>
internal static class ClosedPort
{
    public static Uri Address()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
