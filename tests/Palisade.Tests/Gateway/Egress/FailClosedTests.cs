using System.IO.Compression;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using Palisade.Cli.Eval.EgressProxy;
using Palisade.Core.Policy;
using Palisade.Tests.Gateway.Egress.Support;

namespace Palisade.Tests.Gateway.Egress;

/// <summary>What the proxy cannot read, it does not pass: compressed uploads, compressed or oversized WebSocket messages; and what monitor mode shows.</summary>
public sealed class FailClosedTests
{
    [Fact]
    public async Task A_compressed_request_body_is_refused_because_it_cannot_be_scanned()
    {
        await using var h = await ProxyHarness.StartAsync();
        using var client = h.Client();
        var packed = new MemoryStream();
        await using (var gz = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true)) await gz.WriteAsync("AKIAZ3MQ7TP4XJ2LKW5N"u8.ToArray());
        var content = new ByteArrayContent(packed.ToArray());
        content.Headers.ContentEncoding.Add("gzip");
        var response = await client.PostAsync($"http://127.0.0.1:{h.Origin.HttpPort}/echo", content);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("proxy-compressed-request-body", response.Headers.GetValues("Palisade-Rule").Single());
        Assert.DoesNotContain(h.Origin.Seen, s => s.Target == "/echo");
    }

    [Fact]
    public async Task A_websocket_frame_with_RSV1_that_nobody_negotiated_closes_the_socket_and_is_recorded()
    {
        await using var h = await ProxyHarness.StartAsync();
        var frames = new[] { new RawWebSocketClient.Frame(1, true, true, Encoding.UTF8.GetBytes("compressed?")) };
        var (outcome, _) = await RawWebSocketClient.RunAsync(h.ProxyUrl, $"ws://127.0.0.1:{h.Origin.HttpPort}/ws", frames, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.NotEqual(RawWebSocketClient.Outcome.Delivered, outcome);
        Assert.Empty(h.Origin.WebSocketMessages);
        // The server side answers the bad frame (1002) before the relay records it: stopping the gateway drains the relay first.
        await h.Gateway.Running.StopAsync();
        Assert.Contains(h.ProxyVerdicts(), r => ProxyHarness.Str(r, "rule") == "proxy-websocket-protocol");
    }

    [Fact]
    public async Task A_websocket_message_over_the_scan_limit_closes_the_socket()
    {
        await using var h = await ProxyHarness.StartAsync(o => o with { MaxWebSocketMessageBytes = 1000 });
        var frames = new[] { new RawWebSocketClient.Frame(1, false, false, new byte[800]), new RawWebSocketClient.Frame(0, true, false, new byte[800]) };
        Array.Fill(frames[0].Payload, (byte)'a');
        Array.Fill(frames[1].Payload, (byte)'b');
        var (outcome, detail) = await RawWebSocketClient.RunAsync(h.ProxyUrl, $"ws://127.0.0.1:{h.Origin.HttpPort}/ws", frames, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(RawWebSocketClient.Outcome.Closed, outcome);
        Assert.Contains("1008", detail);
        Assert.Empty(h.Origin.WebSocketMessages);
    }

    [Fact]
    public async Task In_monitor_mode_fetch_returns_an_injected_page_with_the_findings_in_its_verdict()
    {
        await using var h = await ProxyHarness.StartAsync(mode: PolicyMode.Monitor);
        using var client = new HttpClient { BaseAddress = h.ProxyUrl };
        var json = JsonDocument.Parse(await client.GetStringAsync($"/fetch?url={Uri.EscapeDataString($"http://127.0.0.1:{h.Origin.HttpPort}/inject")}")).RootElement;
        var verdict = json.GetProperty("verdict");
        Assert.NotEqual("block", verdict.GetProperty("decision").GetString());
        Assert.NotEqual(0, verdict.GetProperty("findings").GetArrayLength());
        Assert.Contains("Welcome.", json.GetProperty("text").GetString());
    }
}
