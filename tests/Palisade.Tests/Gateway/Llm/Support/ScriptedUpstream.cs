using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Palisade.Tests.Gateway.Llm.Support;

/// <summary>
/// A real HTTP server on loopback playing an LLM provider: it records every request it receives (path, headers, body)
/// and answers with whatever the test scripted — JSON, or SSE written in pieces with a flush after each piece, so a
/// frame can be cut mid-line on the wire.
/// </summary>
public sealed class ScriptedUpstream : IAsyncDisposable
{
    public sealed record Received(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();

    private ScriptedUpstream(WebApplication app) => _app = app;

    /// <summary>What the next requests get; replace per test.</summary>
    public Func<HttpContext, Task> Answer { get; set; } = ctx => { ctx.Response.StatusCode = 500; return Task.CompletedTask; };

    public Uri Url { get; private set; } = null!;
    public IReadOnlyList<Received> Requests => [.. _received];

    /// <summary>Signalled when a streamed answer notices its client went away (the gateway cancelled the upstream call).</summary>
    public TaskCompletionSource ClientGone { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<ScriptedUpstream> StartAsync(bool http2Only = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = http2Only
            ? Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http2 : Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http1));
        var app = builder.Build();
        var upstream = new ScriptedUpstream(app);
        app.Run(async ctx =>
        {
            using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            upstream._received.Enqueue(new Received(ctx.Request.Method, ctx.Request.Path + ctx.Request.QueryString,
                ctx.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()), body));
            await upstream.Answer(ctx);
        });
        await app.StartAsync();
        upstream.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return upstream;
    }

    public static Func<HttpContext, Task> Json(string json, int status = 200) => async ctx =>
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(json);
    };

    /// <summary>An SSE answer written piece by piece, flushed after each piece (pieces may cut lines anywhere).</summary>
    public static Func<HttpContext, Task> Sse(IEnumerable<string> pieces) => async ctx =>
    {
        ctx.Response.ContentType = "text/event-stream";
        ctx.Response.Headers.CacheControl = "no-cache";
        foreach (var piece in pieces)
        {
            await ctx.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(piece));
            await ctx.Response.Body.FlushAsync();
        }
    };

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
