using System.Net;

namespace Palisade.Gateway.Egress.Dns;

/// <summary>Connects to the first reachable checked address of a pinned target, within the connect timeout.</summary>
public static class PinnedConnect
{
    public static async ValueTask<Stream> OpenAsync(INetworkConnector connector, PinnedTarget target, TimeSpan timeout, CancellationToken cancel)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(timeout);
        Exception? last = null;
        foreach (var address in target.Addresses)
        {
            try
            {
                return await connector.ConnectAsync(new IPEndPoint(address, target.Port), limit.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is System.Net.Sockets.SocketException or IOException || (e is OperationCanceledException && !cancel.IsCancellationRequested))
            {
                last = e;
            }
        }
        throw new HttpRequestException($"cannot connect to {target.Host}:{target.Port} ({last?.Message})", last);
    }
}
