using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Palisade.Bench;

namespace Palisade.GatewayLoad;

/// <summary>
/// An OpenAI-compatible upstream on loopback that streams Chat Completions text chunks, one flush per event as real
/// providers do. <c>?size=N</c> sets the streamed body size; <c>?paced=N</c> sends N numbered deltas 5 ms apart and records
/// when each left; <c>?hold=1</c> sends one delta and keeps the stream open until <see cref="Release"/>.
/// </summary>
public sealed class FakeProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeProvider(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>For paced streams: when delta i of the request tagged t left, in <see cref="Stopwatch"/> ticks.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, long[]> SentAt { get; } = new();

    public void Release() => _release.TrySetResult();

    public static string Chunk(string text) =>
        "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
        + text + "\"},\"finish_reason\":null}]}\n\n";

    private const string Finish = "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";

    public static async Task<FakeProvider> StartAsync()
    {
        var builder = Palisade.Gateway.Hosting.IsolatedWebBuilder.Create();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => { k.AddServerHeader = false; k.Listen(IPAddress.Loopback, 0); });
        var app = builder.Build();
        var provider = new FakeProvider(app);
        app.Run(provider.HandleAsync);
        await app.StartAsync();
        provider.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return provider;
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        await ctx.Request.Body.CopyToAsync(Stream.Null);
        ctx.Response.ContentType = "text/event-stream";
        var q = ctx.Request.Query;
        if (q.ContainsKey("hold"))
        {
            await ctx.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(Chunk("held")));
            await ctx.Response.Body.FlushAsync();
            await _release.Task.WaitAsync(ctx.RequestAborted);
            return;
        }
        if (int.TryParse(q["paced"], out var paced))
        {
            var sent = new long[paced];
            SentAt[q["tag"].ToString()] = sent;
            for (var i = 0; i < paced; i++)
            {
                sent[i] = Stopwatch.GetTimestamp();
                await ctx.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(Chunk($"tok{i:D4} ")));
                await ctx.Response.Body.FlushAsync();
                await Task.Delay(5);
            }
            await ctx.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(Finish));
            return;
        }
        var size = int.TryParse(q["size"], out var s) ? s : 4096;
        var events = Events(size);
        foreach (var ev in events)
        {
            await ctx.Response.Body.WriteAsync(ev);
            await ctx.Response.Body.FlushAsync();
        }
    }

    private readonly Dictionary<int, List<byte[]>> _events = [];

    private List<byte[]> Events(int size)
    {
        lock (_events)
        {
            if (_events.TryGetValue(size, out var cached)) return cached;
            var list = new List<byte[]>();
            var total = 0;
            var words = SampleText.Clean(size).Replace("\\", " ", StringComparison.Ordinal).Replace("\"", "'", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
            for (var i = 0; total < size - Finish.Length; i += 24)
            {
                var piece = words.Substring(i % Math.Max(1, words.Length - 24), 24);
                var bytes = Encoding.UTF8.GetBytes(Chunk(piece));
                list.Add(bytes);
                total += bytes.Length;
            }
            list.Add(Encoding.UTF8.GetBytes(Finish));
            _events[size] = list;
            return list;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.DisposeAsync();
    }
}
