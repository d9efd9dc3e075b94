using System.Net;
using System.Net.Sockets;

namespace Palisade.Cli.Agents.Discovery;

/// <summary>Whether something accepts TCP connections on a loopback port; tests give their own answers.</summary>
public interface IPortProbe
{
    bool IsListening(int port);
}

/// <summary>A real connect to 127.0.0.1, given up after a short timeout so a filtered port cannot stall discovery.</summary>
public sealed class TcpPortProbe(TimeSpan timeout) : IPortProbe
{
    public bool IsListening(int port)
    {
        using var client = new TcpClient();
        try
        {
            return client.ConnectAsync(IPAddress.Loopback, port).Wait(timeout) && client.Connected;
        }
        catch (AggregateException)
        {
            return false; // refused
        }
    }
}
