using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Palisade.Gateway.Hosting;

namespace Palisade.GatewayLoad;

/// <summary>
/// The baseline: a reverse proxy built from the same parts as the gateway (Kestrel in, a pooled <c>SocketsHttpHandler</c>
/// out, flush per read) with no inspection at all — what any proxy costs before it looks at anything.
/// </summary>
public sealed class PassThrough : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpMessageInvoker _upstream = new(UpstreamHandler.Create());

    private PassThrough(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public static async Task<PassThrough> StartAsync(Uri upstream)
    {
        var builder = Palisade.Gateway.Hosting.IsolatedWebBuilder.Create();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => { k.AddServerHeader = false; k.Listen(IPAddress.Loopback, 0); });
        var app = builder.Build();
        var proxy = new PassThrough(app);
        app.Run(ctx => proxy.ForwardAsync(ctx, upstream));
        await app.StartAsync();
        proxy.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return proxy;
    }

    private async Task ForwardAsync(HttpContext ctx, Uri upstream)
    {
        // Same shape as the gateway: the path after the first segment goes to the upstream, the body is read whole.
        var path = ctx.Request.Path.Value ?? "/";
        var rest = path.IndexOf('/', 1) is var i and > 0 ? path[i..] : "/";
        using var body = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(body, ctx.RequestAborted);
        using var request = new HttpRequestMessage(new HttpMethod(ctx.Request.Method), new Uri(upstream, rest + ctx.Request.QueryString))
        {
            Content = new ReadOnlyMemoryContent(body.GetBuffer().AsMemory(0, (int)body.Length)),
        };
        foreach (var (name, values) in ctx.Request.Headers)
        {
            if (name is "Host" or "Content-Length" or "Transfer-Encoding" or "Connection") continue;
            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values)) request.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
        }
        using var response = await _upstream.SendAsync(request, ctx.RequestAborted);
        ctx.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Content.Headers) if (name != "Content-Length") ctx.Response.Headers[name] = values.ToArray();
        ctx.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await using var stream = await response.Content.ReadAsStreamAsync(ctx.RequestAborted);
        var buffer = new byte[16 * 1024];
        int n;
        while ((n = await stream.ReadAsync(buffer, ctx.RequestAborted)) > 0)
        {
            await ctx.Response.Body.WriteAsync(buffer.AsMemory(0, n), ctx.RequestAborted);
            await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _upstream.Dispose();
    }
}
