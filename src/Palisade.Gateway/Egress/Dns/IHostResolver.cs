using System.Net;

namespace Palisade.Gateway.Egress.Dns;

/// <summary>Turns a host name into addresses. The proxy asks once per connection and connects only to what it checked.</summary>
public interface IHostResolver
{
    ValueTask<IPAddress[]> ResolveAsync(string host, CancellationToken cancel);
}

/// <summary>The operating system's resolver.</summary>
public sealed class SystemHostResolver : IHostResolver
{
    public async ValueTask<IPAddress[]> ResolveAsync(string host, CancellationToken cancel) =>
        await System.Net.Dns.GetHostAddressesAsync(host, cancel).ConfigureAwait(false);
}
