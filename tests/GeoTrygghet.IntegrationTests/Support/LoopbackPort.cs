using System.Net;
using System.Net.Sockets;

namespace GeoTrygghet.IntegrationTests.Support;

/// <summary>A loopback port nothing listens on at the moment, for a service a test starts (or for a database that is down).</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
