using System.Collections.Concurrent;
using System.Net;
using Palisade.Gateway.Egress.Dns;

namespace Palisade.Tests.Gateway.Egress.Support;

/// <summary>A resolver that answers from a script (one answer per call, the last one repeated) and counts the calls.</summary>
public sealed class ScriptedResolver(IReadOnlyDictionary<string, IPAddress[][]> answers) : IHostResolver
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.OrdinalIgnoreCase);

    public int Calls(string host) => _calls.GetValueOrDefault(host);

    public ValueTask<IPAddress[]> ResolveAsync(string host, CancellationToken cancel)
    {
        var n = _calls.AddOrUpdate(host, 1, (_, c) => c + 1);
        if (!answers.TryGetValue(host, out var script)) throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound);
        return ValueTask.FromResult(script[Math.Min(n - 1, script.Length - 1)]);
    }
}

/// <summary>Records where the proxy connects, and carries every connection to one local server instead (nothing leaves the machine).</summary>
public sealed class RedirectingConnector(Func<int, int> localPortFor) : INetworkConnector
{
    public ConcurrentQueue<IPEndPoint> Connected { get; } = new();

    public ValueTask<Stream> ConnectAsync(IPEndPoint endpoint, CancellationToken cancel)
    {
        Connected.Enqueue(endpoint);
        return new SocketConnector().ConnectAsync(new IPEndPoint(IPAddress.Loopback, localPortFor(endpoint.Port)), cancel);
    }
}
