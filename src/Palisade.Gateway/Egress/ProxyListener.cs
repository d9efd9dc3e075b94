using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Palisade.Gateway.Hosting;

namespace Palisade.Gateway.Egress;

/// <summary>
/// The egress proxy on a listener of its own (<c>proxy.listen</c>), apart from the data plane: the same CONNECT hook,
/// forward middleware and <c>/fetch</c> and <c>/ws</c> endpoints, nothing else (no LLM routes).
/// </summary>
public sealed class ProxyListener : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProxyListener(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<ProxyListener> StartAsync(string listen, EgressProxyModule module, GatewayContext context)
    {
        var endpoint = ListenAddress.Parse(listen, "proxy.listen");
        var builder = IsolatedWebBuilder.Create();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(context);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = null;
            k.Listen(endpoint, l =>
            {
                l.Protocols = HttpProtocols.Http1;
                module.AttachConnectHandler(l, context);
            });
        });
        var app = builder.Build();
        module.MapProxy(app, context);
        app.MapFallback(http =>
        {
            http.Response.StatusCode = 404;
            return http.Response.WriteAsync("{\"error\":{\"type\":\"not_found\",\"message\":\"This is Palisade's egress proxy: send proxied requests, or use /fetch?url= and /ws?url=.\"}}");
        });
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ProxyListener(app, new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "[::1]", StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _app.StopAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
