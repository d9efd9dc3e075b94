using System.Net;
using System.Net.Http;
using Palisade.Tests.Gateway.Egress.Support;

namespace Palisade.Tests.Gateway.Egress;

/// <summary>Issue 6 point 1: the proxy on its own listener (<c>proxy.listen</c>) instead of the data plane.</summary>
public sealed class OwnListenerTests
{
    [Fact]
    public async Task With_its_own_listener_the_proxy_serves_there_and_the_data_plane_no_longer_proxies()
    {
        await using var h = await ProxyHarness.StartAsync(o => o with { Listen = "127.0.0.1:0" });
        var proxyUrl = h.Module.ProxyUrl(h.Gateway.Running.Urls);
        Assert.NotEqual(h.ProxyUrl.Port, proxyUrl.Port);

        using var viaOwn = new HttpClient(new SocketsHttpHandler { Proxy = new WebProxy(proxyUrl), UseProxy = true });
        Assert.Equal("hello from origin", await viaOwn.GetStringAsync($"http://127.0.0.1:{h.Origin.HttpPort}/hello"));
        var blocked = await viaOwn.GetAsync("http://169.254.169.254/latest/meta-data/");
        Assert.Equal(HttpStatusCode.Forbidden, blocked.StatusCode);

        using var viaData = new HttpClient(new SocketsHttpHandler { Proxy = new WebProxy(h.ProxyUrl), UseProxy = true });
        var notProxied = await viaData.GetAsync($"http://127.0.0.1:{h.Origin.HttpPort}/hello");
        Assert.Equal(HttpStatusCode.NotFound, notProxied.StatusCode);
        Assert.Single(h.Origin.Seen);
    }
}
