using System.Net;
using Palisade.Gateway.Egress.Dns;

namespace Palisade.Cli.Eval.EgressProxy;

/// <summary>Every name resolves to one public documentation-free address (so the SSRF check sees what it would see on the internet).</summary>
public sealed class PublicResolver : IHostResolver
{
    public static readonly IPAddress Address = IPAddress.Parse("93.184.215.14");

    public ValueTask<IPAddress[]> ResolveAsync(string host, CancellationToken cancel) => ValueTask.FromResult(new[] { Address });
}

/// <summary>Carries every connection the proxy makes to a local origin: port 443 to its HTTPS port, anything else to HTTP.</summary>
public sealed class LocalConnector(int httpPort, int httpsPort) : INetworkConnector
{
    public ValueTask<Stream> ConnectAsync(IPEndPoint endpoint, CancellationToken cancel) =>
        new SocketConnector().ConnectAsync(new IPEndPoint(IPAddress.Loopback, endpoint.Port == 443 ? httpsPort : httpPort), cancel);
}
