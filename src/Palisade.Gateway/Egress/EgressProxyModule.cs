using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Palisade.Core.Analyzers.Egress;
using Palisade.Gateway.Egress.Connect;
using Palisade.Gateway.Egress.Forwarding;
using Palisade.Gateway.Egress.WebSockets;
using Palisade.Gateway.Hosting;

namespace Palisade.Gateway.Egress;

/// <summary>
/// The egress proxy on the data plane: CONNECT tunnels at the connection, absolute-URI requests as the first
/// middleware, and the <c>/fetch</c> and <c>/ws</c> endpoints. One <see cref="EgressServices"/> per gateway.
/// </summary>
public sealed class EgressProxyModule(EgressProxyOptions options) : IGatewayModule
{
    private EgressServices? _services;
    private ProxyListener? _listener;

    /// <summary>The running proxy's parts (after the gateway started), for tests and benchmarks.</summary>
    public EgressServices Services => _services ?? throw new InvalidOperationException("the gateway has not started the egress proxy yet.");

    private EgressServices For(GatewayContext context) => _services ??= new EgressServices(context, options);

    public void ConfigureDataListener(ListenOptions listen, GatewayContext context)
    {
        if (options.Listen is null) AttachConnectHandler(listen, context);
    }

    public void MapData(WebApplication app, GatewayContext context)
    {
        var services = For(context);
        if (options.Listen is { } own)
        {
            // Its own listener: started with the gateway (a port that cannot be bound fails the start, as the planes do).
            _listener = ProxyListener.StartAsync(own, this, context).GetAwaiter().GetResult();
            app.Lifetime.ApplicationStopped.Register(() =>
            {
                _listener.DisposeAsync().AsTask().GetAwaiter().GetResult();
                services.DisposeAsync().AsTask().GetAwaiter().GetResult();
            });
            return;
        }
        app.Lifetime.ApplicationStopped.Register(() => services.DisposeAsync().AsTask().GetAwaiter().GetResult());
        MapProxy(app, context);
    }

    /// <summary>CONNECT tunnels at the connection, before Kestrel's HTTP parser.</summary>
    internal void AttachConnectHandler(ListenOptions listen, GatewayContext context)
    {
        var handler = new ConnectHandler(For(context));
        listen.Use(next => connection => handler.OnConnectionAsync(connection, next));
    }

    /// <summary>The forward middleware (first) and the /fetch and /ws endpoints.</summary>
    internal void MapProxy(WebApplication app, GatewayContext context)
    {
        var services = For(context);
        app.UseWebSockets();
        app.UseMiddleware<ForwardProxyMiddleware>(services);
        app.MapGet("/fetch", services.Fetcher.HandleAsync);
        app.Map("/ws", async http =>
        {
            var url = http.Request.Query["url"].ToString();
            if (!WebSocketRelay.IsUpgrade(http) || !Uri.TryCreate(url, UriKind.Absolute, out var target) || target.Scheme is not ("ws" or "wss" or "http" or "https"))
            {
                await ProxyAnswers.BadRequestAsync(http, "Open a WebSocket to /ws?url=wss://host/path (ws, wss, http or https).").ConfigureAwait(false);
                return;
            }
            await services.WebSockets.RelayAsync(http, WebSocketRelay.ToWebSocketUri(target), url, ClientInfo.From(http)).ConfigureAwait(false);
        });
    }

    /// <summary>Where the proxy listens: its own listener when <c>proxy.listen</c> is set, else the data plane.</summary>
    public Uri ProxyUrl(GatewayUrls urls) => _listener?.Url ?? urls.Data;

    public IEnumerable<string> Describe(GatewayUrls urls)
    {
        var proxy = $"http://{ProxyUrl(urls).Authority}";
        yield return $"palisade: egress proxy: HTTPS_PROXY={proxy} HTTP_PROXY={proxy} (interception {(options.Intercept ? "on" : "off")}); {proxy}/fetch?url=… and {proxy.Replace("http:", "ws:", StringComparison.Ordinal)}/ws?url=…";
        if (options.Passthrough.Count > 0) yield return $"palisade: never intercepted: {string.Join(", ", options.Passthrough.Select(p => p.ToString()))}";
    }

    /// <summary>Parses <c>HOST[:PORT]</c> entries (for <c>--trust-host</c> and <c>--passthrough</c>).</summary>
    public static IReadOnlyList<HostPattern> ParseHosts(IEnumerable<string> entries, string flag)
    {
        var list = new List<HostPattern>();
        foreach (var e in entries)
            list.Add(HostPattern.TryParse(e, allowPort: true, out var error) ?? throw new ArgumentException($"{flag} '{e}': {error}"));
        return list;
    }
}
