using System.Net;
using System.Net.WebSockets;
using System.Text;
using Palisade.Tests.Gateway.Egress.Support;

namespace Palisade.Tests.Gateway.Egress;

/// <summary>Issue 6 point 4: the /ws relay and upgrades through the proxy, with reassembly, a tail across messages, and no compression.</summary>
public sealed class WebSocketTests
{
    private static async Task<ClientWebSocket> ConnectRelayAsync(ProxyHarness h, bool offerDeflate = false)
    {
        var ws = new ClientWebSocket();
        if (offerDeflate) ws.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        var target = Uri.EscapeDataString($"ws://127.0.0.1:{h.Origin.HttpPort}/ws");
        await ws.ConnectAsync(new Uri($"ws://{h.ProxyUrl.Authority}/ws?url={target}"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));
        return ws;
    }

    private static async Task<(WebSocketMessageType Type, string Text)> ReceiveAsync(ClientWebSocket ws)
    {
        var buffer = new byte[64 * 1024];
        var ms = new MemoryStream();
        WebSocketReceiveResult r;
        do
        {
            r = await ws.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));
            ms.Write(buffer, 0, r.Count);
        } while (!r.EndOfMessage);
        return (r.MessageType, Encoding.UTF8.GetString(ms.ToArray()));
    }

    private static Task SendAsync(ClientWebSocket ws, string text, bool end = true) =>
        ws.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, end, CancellationToken.None);

    [Fact]
    public async Task The_relay_passes_clean_messages_both_ways_and_strips_the_compression_offer()
    {
        await using var h = await ProxyHarness.StartAsync();
        using var ws = await ConnectRelayAsync(h, offerDeflate: true);
        await SendAsync(ws, "hello there");
        Assert.Equal((WebSocketMessageType.Text, "echo: hello there"), await ReceiveAsync(ws));
        var handshake = h.Origin.Seen.Single(s => s.Target == "/ws");
        Assert.False(handshake.Headers.ContainsKey("Sec-WebSocket-Extensions"));
        Assert.Null(ws.HttpResponseHeaders?.GetValueOrDefault("Sec-WebSocket-Extensions"));
    }

    [Fact]
    public async Task A_secret_split_over_fragments_of_one_message_is_caught_and_no_fragment_reaches_the_server()
    {
        await using var h = await ProxyHarness.StartAsync();
        using var ws = await ConnectRelayAsync(h);
        await SendAsync(ws, "creds AKIAZ3MQ7T", end: false);
        await SendAsync(ws, "P4XJ2LKW5N done", end: true);
        var r = await ws.ReceiveAsync(new byte[1024], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(WebSocketMessageType.Close, r.MessageType);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, ws.CloseStatus);
        Assert.Contains("aws-access-key-id", ws.CloseStatusDescription);
        Assert.Empty(h.Origin.WebSocketMessages);
    }

    [Fact]
    public async Task A_secret_split_over_two_messages_is_caught_by_the_tail()
    {
        await using var h = await ProxyHarness.StartAsync();
        using var ws = await ConnectRelayAsync(h);
        await SendAsync(ws, "AKIAZ3MQ7T");
        Assert.Equal("echo: AKIAZ3MQ7T", (await ReceiveAsync(ws)).Text);
        await SendAsync(ws, "P4XJ2LKW5N");
        var r = await ws.ReceiveAsync(new byte[1024], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(WebSocketMessageType.Close, r.MessageType);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, ws.CloseStatus);
        Assert.DoesNotContain("P4XJ2LKW5N", h.Origin.WebSocketMessages);
    }

    [Fact]
    public async Task A_secret_sent_as_labelled_pieces_over_several_messages_is_caught_on_the_last_piece()
    {
        await using var h = await ProxyHarness.StartAsync();
        using var ws = await ConnectRelayAsync(h);
        // ghp_CODa5AG2OJPZ9UeArq1RMJD37gUSOhGDcJgf in two pieces, each behind its label: no plain join holds it whole.
        await SendAsync(ws, "part1: ghp_CODa5AG2OJPZ9UeA");
        Assert.Equal("echo: part1: ghp_CODa5AG2OJPZ9UeA", (await ReceiveAsync(ws)).Text);
        await SendAsync(ws, "part2: rq1RMJD37gUSOhGDcJgf");
        var r = await ws.ReceiveAsync(new byte[1024], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(WebSocketMessageType.Close, r.MessageType);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, ws.CloseStatus);
        Assert.Contains("github-pat", ws.CloseStatusDescription);
        Assert.DoesNotContain(h.Origin.WebSocketMessages, m => m.Contains("rq1RMJD37gUSOhGDcJgf", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Labelled_messages_that_join_to_nothing_secret_pass()
    {
        await using var h = await ProxyHarness.StartAsync();
        using var ws = await ConnectRelayAsync(h);
        await SendAsync(ws, "step 1: install");
        Assert.Equal("echo: step 1: install", (await ReceiveAsync(ws)).Text);
        await SendAsync(ws, "part1: README.md");
        Assert.Equal("echo: part1: README.md", (await ReceiveAsync(ws)).Text);
        await SendAsync(ws, "part2: CHANGELOG.md");
        Assert.Equal("echo: part2: CHANGELOG.md", (await ReceiveAsync(ws)).Text);
    }

    [Fact]
    public async Task Injection_in_a_server_message_closes_the_socket_before_the_agent_reads_it()
    {
        await using var h = await ProxyHarness.StartAsync();
        using var ws = await ConnectRelayAsync(h);
        await SendAsync(ws, "inject please");
        var r = await ws.ReceiveAsync(new byte[4096], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(WebSocketMessageType.Close, r.MessageType);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, ws.CloseStatus);
        Assert.Contains(h.ProxyVerdicts(), v => ProxyHarness.Extra(v, "direction") == "server_to_client" && ProxyHarness.Str(v, "decision") == "block");
    }

    [Fact]
    public async Task A_websocket_through_the_proxy_is_tunnelled_read_and_judged()
    {
        await using var h = await ProxyHarness.StartAsync();
        using var ws = new ClientWebSocket();
        ws.Options.Proxy = new WebProxy(h.ProxyUrl);
        await ws.ConnectAsync(new Uri($"ws://127.0.0.1:{h.Origin.HttpPort}/ws"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));
        await SendAsync(ws, "through the proxy");
        Assert.Equal("echo: through the proxy", (await ReceiveAsync(ws)).Text);
        await SendAsync(ws, "token xoxb-263594206564-2343594206574-FGqddMF8t08v8N7Oq4i57vs1");
        var r = await ws.ReceiveAsync(new byte[1024], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(WebSocketMessageType.Close, r.MessageType);
        Assert.Contains("slack-bot-token", ws.CloseStatusDescription);
    }

    [Fact]
    public async Task A_relay_to_the_metadata_endpoint_is_refused_with_403()
    {
        await using var h = await ProxyHarness.StartAsync();
        using var ws = new ClientWebSocket();
        ws.Options.CollectHttpResponseDetails = true;
        var target = Uri.EscapeDataString("ws://169.254.169.254/ws");
        await Assert.ThrowsAsync<WebSocketException>(() => ws.ConnectAsync(new Uri($"ws://{h.ProxyUrl.Authority}/ws?url={target}"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15)));
        Assert.Equal(HttpStatusCode.Forbidden, ws.HttpStatusCode);
    }
}
