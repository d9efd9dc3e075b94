using System.Buffers;
using System.Net.Http;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using Palisade.Core.Model;
using Palisade.Gateway.Egress.Forwarding;
using Palisade.Gateway.Enforcement;

namespace Palisade.Gateway.Egress.WebSockets;

/// <summary>
/// Relays a WebSocket between the agent and a server, message by message: fragments are reassembled before a message
/// is judged (and none of it leaves before), client messages are judged for secrets, server messages for injection.
/// Neither side gets compression: the client's <c>Sec-WebSocket-Extensions</c> is not passed on and the proxy offers none,
/// so every frame stays readable; a compressed frame (RSV1) anyway is a protocol error that closes the socket.
/// </summary>
public sealed class WebSocketRelay(EgressServices services)
{
    public const string ProtocolRule = "proxy-websocket-protocol";
    public const string TooLargeRule = "proxy-websocket-message-too-large";

    public static bool IsUpgrade(HttpContext http) => http.WebSockets.IsWebSocketRequest;

    /// <summary>ws(s) form of an http(s) or ws(s) URL.</summary>
    public static Uri ToWebSocketUri(Uri u) => u.Scheme switch
    {
        "http" => new UriBuilder(u) { Scheme = "ws" }.Uri,
        "https" => new UriBuilder(u) { Scheme = "wss" }.Uri,
        _ => u,
    };

    /// <summary>http(s) form: how the handshake is judged (it is an HTTP request).</summary>
    private static string ToHttpUrl(Uri u) => u.Scheme switch
    {
        "ws" => "http" + u.AbsoluteUri[2..],
        "wss" => "https" + u.AbsoluteUri[3..],
        _ => u.AbsoluteUri,
    };

    public async Task RelayAsync(HttpContext http, Uri target, string rawUrl, ClientInfo client)
    {
        var judge = services.Judge;
        var cancel = http.RequestAborted;
        var url = ToHttpUrl(target);
        var handshake = ProxyActions.Request("GET", url, http.Request.Headers, null, client);
        var extra = new Dictionary<string, string> { ["host"] = judge.SafeHost(target.IdnHost), ["websocket"] = "handshake" };
        if (await services.Forwarder.JudgeRequestAsync(handshake, null, new Uri(url), http.Request.Headers, client, extra, cancel).ConfigureAwait(false) is { } stop)
        {
            await ProxyAnswers.BlockAsync(http, stop).ConfigureAwait(false);
            return;
        }
        var (pin, refusal) = await services.Guard.ResolveAsync(target.IdnHost, target.Port, cancel).ConfigureAwait(false);
        if (refusal is not null)
        {
            var refused = await judge.RefuseAsync(handshake, refusal.Rule, "internal-network", refusal.Reason, extra).ConfigureAwait(false);
            if (EgressJudge.Stops(refused) || pin is null)
            {
                await ProxyAnswers.BlockAsync(http, refused).ConfigureAwait(false);
                return;
            }
        }

        using var invoker = PinnedHttpClient.Create(services.Options, pin);
        using var upstream = new ClientWebSocket();
        foreach (var (name, values) in http.Request.Headers)
        {
            if (HopHeaders.IsHopByHop(name) || HopHeaders.IsWebSocketHandshake(name)) continue;
            upstream.Options.SetRequestHeader(name, values.ToString());
        }
        foreach (var p in http.Request.Headers.SecWebSocketProtocol.ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            upstream.Options.AddSubProtocol(p);
        try
        {
            await upstream.ConnectAsync(target, invoker, cancel).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or HttpRequestException or IOException)
        {
            await ProxyAnswers.BadGatewayAsync(http, $"the WebSocket server {target.IdnHost}:{target.Port} did not accept the connection ({e.Message})").ConfigureAwait(false);
            return;
        }
        using var agent = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { SubProtocol = upstream.SubProtocol, DangerousEnableCompression = false }).ConfigureAwait(false);

        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancel, services.Gateway.Stopping);
        var outbound = PumpAsync(agent, upstream, new MessageScanner(judge, Direction.Egress, client, url), handshake, both.Token);
        var inbound = PumpAsync(upstream, agent, new MessageScanner(judge, Direction.Ingress, client, url), handshake, both.Token);
        var firstDone = await Task.WhenAny(outbound, inbound).ConfigureAwait(false);
        var blocked = await firstDone.ConfigureAwait(false);
        if (blocked is not null)
        {
            var reason = $"palisade_blocked {blocked.Rule} {blocked.EventId}";
            if (reason.Length > 120) reason = reason[..120];
            await CloseQuietly(agent, WebSocketCloseStatus.PolicyViolation, reason).ConfigureAwait(false);
            await CloseQuietly(upstream, WebSocketCloseStatus.NormalClosure, "closed by the proxy").ConfigureAwait(false);
        }
        // Give the other side a bounded moment to answer the close, so the agent reads the close frame (and its reason)
        // before the connection goes away.
        both.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await Task.WhenAll(outbound, inbound).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<Judgement?> PumpAsync(WebSocket from, WebSocket to, MessageScanner scanner, AgentAction handshake, CancellationToken cancel)
    {
        var buffer = new byte[16 * 1024];
        var message = new ArrayBufferWriter<byte>();
        try
        {
            while (true)
            {
                var r = await from.ReceiveAsync(buffer.AsMemory(), cancel).ConfigureAwait(false);
                if (r.MessageType == WebSocketMessageType.Close)
                {
                    if (to.State is WebSocketState.Open or WebSocketState.CloseReceived)
                        await to.CloseOutputAsync(from.CloseStatus ?? WebSocketCloseStatus.NormalClosure, from.CloseStatusDescription, cancel).ConfigureAwait(false);
                    return null;
                }
                if (message.WrittenCount + r.Count > services.Options.MaxWebSocketMessageBytes)
                    return await services.Judge.RefuseAsync(handshake, TooLargeRule, "engine",
                        $"a WebSocket message is longer than {services.Options.MaxWebSocketMessageBytes} bytes, the most the proxy scans").ConfigureAwait(false);
                message.Write(buffer.AsSpan(0, r.Count));
                if (!r.EndOfMessage) continue;
                var stop = await scanner.JudgeAsync(message.WrittenMemory, r.MessageType == WebSocketMessageType.Binary, cancel).ConfigureAwait(false);
                if (stop is not null) return stop;
                await to.SendAsync(message.WrittenMemory, r.MessageType, true, cancel).ConfigureAwait(false);
                message.Clear();
            }
        }
        catch (WebSocketException e) when (e.WebSocketErrorCode is WebSocketError.Faulted or WebSocketError.HeaderError or WebSocketError.InvalidMessageType or WebSocketError.NotAWebSocket or WebSocketError.UnsupportedProtocol or WebSocketError.UnsupportedVersion)
        {
            // A frame the proxy could not read (RSV1 compression nobody negotiated, a malformed header): not relayed, and recorded.
            var refused = await services.Judge.RefuseAsync(handshake, ProtocolRule, "engine",
                $"a WebSocket frame could not be read ({e.Message}); compressed or malformed frames are not relayed").ConfigureAwait(false);
            return EgressJudge.Stops(refused) ? refused : null;
        }
        catch (WebSocketException)
        {
            return null; // the peer went away
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private static async Task CloseQuietly(WebSocket socket, WebSocketCloseStatus status, string reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        try
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(status, reason, limit.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
        }
    }
}
