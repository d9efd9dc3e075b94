using System.Net;
using System.Net.Sockets;

namespace Palisade.Gateway.Egress.Dns;

/// <summary>Opens a TCP stream to one address the guard has checked; never resolves a name.</summary>
public interface INetworkConnector
{
    ValueTask<Stream> ConnectAsync(IPEndPoint endpoint, CancellationToken cancel);
}

public sealed class SocketConnector : INetworkConnector
{
    public async ValueTask<Stream> ConnectAsync(IPEndPoint endpoint, CancellationToken cancel)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint, cancel).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
