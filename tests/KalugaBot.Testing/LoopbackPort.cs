using System.Net;
using System.Net.Sockets;

namespace KalugaBot.Testing;

public static class LoopbackPort
{
    /// <summary>A loopback port that was free a moment ago (the system picks it), for a listener or a process to bind.</summary>
    public static int Free()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
