using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Palisade.Core.Model;
using Palisade.Gateway.Egress.WebSockets;

namespace Palisade.Gateway.Egress.Forwarding;

/// <summary>
/// Takes the requests that are meant for another host — absolute-form targets (<c>GET http://host/path</c>), what
/// clients send to an HTTP proxy — before any route sees them. Everything else goes down the pipeline.
/// </summary>
public sealed class ForwardProxyMiddleware(RequestDelegate next, EgressServices services)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        if (HttpMethods.IsConnect(http.Request.Method))
        {
            // Tunnels are taken at the connection (ConnectHandler); a CONNECT here came after another request on a kept-alive connection.
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            http.Response.Headers.Connection = "close";
            await http.Response.WriteAsync("{\"error\":{\"type\":\"palisade_proxy_error\",\"message\":\"Send CONNECT as the first request of a connection.\"}}").ConfigureAwait(false);
            return;
        }
        if (!raw.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !raw.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            && !raw.StartsWith("ws://", StringComparison.OrdinalIgnoreCase) && !raw.StartsWith("wss://", StringComparison.OrdinalIgnoreCase))
        {
            await next(http).ConfigureAwait(false);
            return;
        }
        var client = ClientInfo.From(http);
        if (!Uri.TryCreate(raw, UriKind.Absolute, out var target))
        {
            var judgement = await services.Judge.RefuseAsync(ProxyActions.Request(http.Request.Method, raw, http.Request.Headers, null, client),
                "egress-unparsable", "engine", "the request target is not a URL the proxy can parse").ConfigureAwait(false);
            await ProxyAnswers.BlockAsync(http, judgement).ConfigureAwait(false);
            return;
        }
        if (IsThisGateway(http, target))
        {
            // A client that sends everything through its proxy, Palisade's own endpoints included (/fetch, /openai/…):
            // served here, as if it had come directly (Kestrel already routed the absolute-form path).
            await next(http).ConfigureAwait(false);
            return;
        }
        if (WebSocketRelay.IsUpgrade(http))
        {
            await services.WebSockets.RelayAsync(http, WebSocketRelay.ToWebSocketUri(target), raw, client).ConfigureAwait(false);
            return;
        }
        await services.Forwarder.ForwardAsync(http, target, raw, client).ConfigureAwait(false);
    }

    private static bool IsThisGateway(HttpContext http, Uri target) =>
        target.Scheme is "http" or "ws" && target.Port == http.Connection.LocalPort
        && System.Net.IPAddress.TryParse(target.IdnHost.Trim('[', ']'), out var address)
        && (address.Equals(http.Connection.LocalIpAddress) || (System.Net.IPAddress.IsLoopback(address) && http.Connection.LocalIpAddress is { } local && System.Net.IPAddress.IsLoopback(local)));
}
