using System.Net;
using System.Text.Json;
using Palisade.Gateway.Egress.Fetch;
using Palisade.Tests.Gateway.Egress.Support;

namespace Palisade.Tests.Gateway.Egress;

/// <summary>Issue 6 point 3: /fetch returns readable text with the verdict; injected pages are blocked.</summary>
public sealed class FetchTests
{
    [Fact]
    public async Task Fetch_returns_the_page_as_text_without_scripts_or_styles_with_the_verdict()
    {
        await using var h = await ProxyHarness.StartAsync();
        using var client = new HttpClient { BaseAddress = h.ProxyUrl };
        var json = JsonDocument.Parse(await client.GetStringAsync($"/fetch?url={Uri.EscapeDataString($"http://127.0.0.1:{h.Origin.HttpPort}/page")}")).RootElement;
        Assert.Equal(200, json.GetProperty("status").GetInt32());
        Assert.Equal("text/html", json.GetProperty("content_type").GetString());
        var text = json.GetProperty("text").GetString()!;
        Assert.Contains("Release notes", text);
        Assert.Contains("Version 2 is out & stable.", text);
        Assert.DoesNotContain("color:red", text);
        Assert.DoesNotContain("secret", text);
        Assert.Equal("allow", json.GetProperty("verdict").GetProperty("decision").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("verdict").GetProperty("event_id").GetString()));
    }

    [Fact]
    public async Task An_injection_hidden_in_a_comment_blocks_the_fetch()
    {
        await using var h = await ProxyHarness.StartAsync();
        using var client = new HttpClient { BaseAddress = h.ProxyUrl };
        var response = await client.GetAsync($"/fetch?url={Uri.EscapeDataString($"http://127.0.0.1:{h.Origin.HttpPort}/inject")}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("palisade_blocked", error.GetProperty("type").GetString());
        Assert.DoesNotContain("id_rsa", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_client_that_sends_everything_through_the_proxy_still_reaches_fetch_on_the_gateway_itself()
    {
        await using var h = await ProxyHarness.StartAsync();
        using var client = h.Client();
        var json = JsonDocument.Parse(await client.GetStringAsync($"http://127.0.0.1:{h.ProxyUrl.Port}/fetch?url={Uri.EscapeDataString($"http://127.0.0.1:{h.Origin.HttpPort}/hello")}")).RootElement;
        Assert.Equal("hello from origin", json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Fetch_without_a_url_is_a_400_that_says_what_to_pass()
    {
        await using var h = await ProxyHarness.StartAsync();
        using var client = new HttpClient { BaseAddress = h.ProxyUrl };
        var response = await client.GetAsync("/fetch?url=file:///etc/passwd");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("?url=", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("<p>a</p><p>b</p>", "a\nb")]
    [InlineData("<script>alert(1)</script>x<style>p{}</style>y", "xy")]
    [InlineData("<SCRIPT type=x>evil()</SCRIPT >ok", "ok")]
    [InlineData("a<!-- hidden -->b", "ab")]
    [InlineData("one&nbsp;&lt;two&gt;   three", "one <two> three")]
    [InlineData("<div>unterminated <b", "unterminated")]
    [InlineData("<head><title>t</title></head><body>body</body>", "body")]
    public void Html_to_text(string html, string expected) => Assert.Equal(expected, HtmlText.Convert(html));
}
