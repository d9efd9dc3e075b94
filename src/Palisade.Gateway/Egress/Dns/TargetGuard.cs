using System.Net;
using Palisade.Core.Analyzers.Egress;

namespace Palisade.Gateway.Egress.Dns;

/// <summary>
/// SSRF defence at connect time: resolve the name once, check every address it returned, and hand back only checked
/// addresses to connect to. A name that later resolves elsewhere (DNS rebinding) changes nothing: nobody asks again.
/// <c>trusted_hosts</c> (and <c>--trust-host</c>) exempt a host, by the name the client asked for, from the private-range check.
/// </summary>
public sealed class TargetGuard(IHostResolver resolver, IReadOnlyList<HostPattern> trusted)
{
    public const string ResolvedAddressRule = "egress-resolved-address";
    public const string UnresolvedRule = "egress-unresolved";

    public async ValueTask<(PinnedTarget? Target, TargetRefusal? Refusal)> ResolveAsync(string host, int port, CancellationToken cancel)
    {
        var canonical = UrlHost.Parse(host);
        var isTrusted = trusted.Any(t => t.Matches(canonical, port));
        IPAddress[] addresses;
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal)) addresses = [literal];
        else
        {
            try
            {
                addresses = await resolver.ResolveAsync(host, cancel).ConfigureAwait(false);
            }
            catch (Exception e) when (e is System.Net.Sockets.SocketException or ArgumentException)
            {
                return (null, new TargetRefusal(UnresolvedRule, "the host name does not resolve"));
            }
        }
        if (addresses.Length == 0) return (null, new TargetRefusal(UnresolvedRule, "the host name resolved to no address"));
        if (!isTrusted)
        {
            // Every address, not the first: a resolver answer that mixes a public and a private address is refused whole.
            foreach (var address in addresses)
                if (EgressPolicy.IsBlockedAddress(address, out var reason))
                    return (null, new TargetRefusal(ResolvedAddressRule, $"the host resolves to {reason}; add it to trusted_hosts (or --trust-host) if it is your own server"));
        }
        return (new PinnedTarget(host, port, addresses, isTrusted), null);
    }
}
