using System.Net;
using System.Text.Json;
using Palisade.Tests.Gateway.Egress.Support;

namespace Palisade.Tests.Gateway.Egress;

/// <summary>Issue 6 point 2: resolve once, check every address, connect to the checked one; rebinding through a resolver seam.</summary>
public sealed class SsrfTests
{
    private static readonly IPAddress Public = IPAddress.Parse("93.184.215.14");

    private static async Task<(ProxyHarness H, ScriptedResolver R, RedirectingConnector C)> StartAsync(Dictionary<string, IPAddress[][]> script)
    {
        var origin = await OriginServer.StartAsync();
        var resolver = new ScriptedResolver(script);
        var connector = new RedirectingConnector(port => port == 443 ? origin.HttpsPort : origin.HttpPort);
        var h = await ProxyHarness.StartAsync(o => o with { Resolver = resolver, Connector = connector }, origin: origin);
        return (h, resolver, connector);
    }

    [Fact]
    public async Task Dns_rebinding_fails_the_name_is_resolved_once_and_the_connection_goes_to_the_checked_address()
    {
        // First answer public, every later answer loopback: a proxy that looked up again at connect time would land on 127.0.0.1.
        var (h, resolver, connector) = await StartAsync(new() { ["rebind.example.net"] = [[Public], [IPAddress.Loopback]] });
        await using var _ = h;
        using var client = h.Client();
        Assert.Equal("hello from origin", await client.GetStringAsync("http://rebind.example.net/hello"));
        Assert.Equal(1, resolver.Calls("rebind.example.net"));
        var endpoint = Assert.Single(connector.Connected);
        Assert.Equal(Public, endpoint.Address);
        Assert.Equal(80, endpoint.Port);

        // The next request asks again, gets loopback, and is refused before any connection.
        var second = await client.GetAsync("http://rebind.example.net/hello");
        Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
        Assert.Equal("egress-resolved-address", second.Headers.GetValues("Palisade-Rule").Single());
        Assert.Single(connector.Connected);
    }

    [Fact]
    public async Task Every_resolved_address_is_checked_one_private_address_among_public_ones_refuses_the_name()
    {
        var (h, _, connector) = await StartAsync(new() { ["mixed.example.net"] = [[Public, IPAddress.Parse("10.0.0.7")]] });
        await using var _ = h;
        using var client = h.Client();
        var response = await client.GetAsync("http://mixed.example.net/hello");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Contains("10.0.0.7", error.GetProperty("reason").GetString());
        Assert.Empty(connector.Connected);
    }

    [Fact]
    public async Task A_CONNECT_to_a_name_that_resolves_to_the_metadata_address_is_refused()
    {
        var (h, _, connector) = await StartAsync(new() { ["meta.example.net"] = [[IPAddress.Parse("169.254.169.254")]] });
        await using var _ = h;
        using var client = h.Client();
        var e = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("https://meta.example.net/latest"));
        Assert.Equal(HttpStatusCode.Forbidden, e.StatusCode);
        Assert.Empty(connector.Connected);
        Assert.Contains(h.ProxyVerdicts(), r => ProxyHarness.Str(r, "rule") == "egress-resolved-address");
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/", "egress-loopback")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "egress-metadata")]
    [InlineData("http://10.20.30.40/", "egress-private-network")]
    public async Task Literal_private_targets_are_blocked_when_not_trusted(string url, string rule)
    {
        await using var h = await ProxyHarness.StartAsync();
        using var client = h.Client();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(rule, response.Headers.GetValues("Palisade-Rule").Single());
    }

    [Fact]
    public async Task The_same_loopback_origin_is_blocked_unless_trusted()
    {
        await using var h = await ProxyHarness.StartAsync(trustOrigin: false);
        using var client = h.Client();
        var response = await client.GetAsync($"http://127.0.0.1:{h.Origin.HttpPort}/hello");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(h.Origin.Seen);
    }

    [Fact]
    public async Task A_fetch_redirect_to_the_metadata_endpoint_is_stopped_at_that_hop()
    {
        await using var h = await ProxyHarness.StartAsync();
        using var direct = new HttpClient { BaseAddress = h.ProxyUrl };
        // The first URL says nothing about where it leads; only the second hop does.
        var response = await direct.GetAsync($"/fetch?url={Uri.EscapeDataString($"http://127.0.0.1:{h.Origin.HttpPort}/to-metadata")}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("egress-metadata", response.Headers.GetValues("Palisade-Rule").Single());
        Assert.Contains(h.ProxyVerdicts(), r => ProxyHarness.Extra(r, "fetch_hop") == "1" && ProxyHarness.Str(r, "decision") == "block");
    }
}
