using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Palisade.Gateway.Hosting;
using Palisade.Mcp.Protocol;

namespace Palisade.Gateway.Mcp;

/// <summary>
/// <c>/mcp/{name}</c> on the data plane: a streamable-HTTP MCP endpoint for every server under <c>mcp: servers:</c>.
/// POST carries one JSON-RPC message (requests are answered as SSE, the rest with 202), <c>Mcp-Session-Id</c> names
/// the session Palisade assigned at <c>initialize</c>, DELETE ends it. Requests without a session (protocol
/// 2026-07-28, which has no <c>initialize</c>) share one relay per server, so its session chains span those clients.
/// </summary>
public sealed class McpGatewayModule : IGatewayModule
{
    /// <summary>Sessions live in memory; past this many, new ones are refused until some end.</summary>
    public const int MaxSessions = 256;
    private readonly ConcurrentDictionary<string, McpHttpSession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, McpHttpSession> _stateless = new(StringComparer.Ordinal);

    public void MapData(WebApplication app, GatewayContext context)
    {
        app.MapPost("/mcp/{name}", (HttpContext http, string name) => PostAsync(http, name, context));
        app.MapDelete("/mcp/{name}", (HttpContext http, string name) => DeleteAsync(http));
        app.MapGet("/mcp/{name}", (HttpContext http) =>
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return Task.CompletedTask;
        });
        context.Stopping.Register(() =>
        {
            foreach (var s in _sessions.Values.Concat(_stateless.Values)) s.Client.EndInput();
        });
    }

    public IEnumerable<string> Describe(GatewayUrls urls)
    {
        yield return $"palisade: MCP servers from 'mcp: servers:' are served at {urls.Data.GetLeftPart(UriPartial.Authority)}/mcp/{{name}} (streamable HTTP).";
    }

    private async Task PostAsync(HttpContext http, string name, GatewayContext context)
    {
        if (!context.Config.Mcp.Servers.TryGetValue(name, out var server))
        {
            await Error(http, StatusCodes.Status404NotFound, null, PalisadeErrorCodes.ServerUnavailable, $"no MCP server '{name}' under 'mcp: servers:' in the configuration.");
            return;
        }
        var text = await ReadBodyAsync(http.Request, context.Config.Mcp.MaxLineBytes, http.RequestAborted);
        if (text is null)
        {
            await Error(http, StatusCodes.Status413PayloadTooLarge, null, PalisadeErrorCodes.FrameRejected, $"the message is larger than {context.Config.Mcp.MaxLineBytes} bytes.");
            return;
        }
        if (!JsonRpcMessage.TryParse(text, out var message, out var problem))
        {
            await Error(http, StatusCodes.Status400BadRequest, null, PalisadeErrorCodes.FrameRejected, $"Palisade rejected {problem}.");
            return;
        }
        McpHttpSession? session;
        if (http.Request.Headers["Mcp-Session-Id"].FirstOrDefault() is { } sid)
        {
            if (!_sessions.TryGetValue(sid, out session) || session.Server != name)
            {
                await Error(http, StatusCodes.Status404NotFound, message.Id, PalisadeErrorCodes.ServerUnavailable, "unknown or ended MCP session; initialize a new one.");
                return;
            }
        }
        else if (message.Method == "initialize")
        {
            if (_sessions.Count >= MaxSessions)
            {
                await Error(http, StatusCodes.Status503ServiceUnavailable, message.Id, PalisadeErrorCodes.ServerUnavailable, $"Palisade already holds {MaxSessions} MCP sessions; end one (DELETE) and retry.");
                return;
            }
            session = new McpHttpSession(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), server, context, stateless: false, Ended);
            _sessions[session.Id] = session;
        }
        else
        {
            // Protocol 2026-07-28 has no initialize and no session header: such requests share one relay per server.
            // Under the lock so two first requests cannot start two relays (the loser would keep running unseen).
            lock (_stateless) session = _stateless.GetOrAdd(name, _ => new McpHttpSession("", server, context, stateless: true, Ended));
        }

        if (!session.Stateless) http.Response.Headers["Mcp-Session-Id"] = session.Id;
        if (message.Kind != JsonRpcKind.Request)
        {
            session.Client.Deliver(text);
            http.Response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }
        var stream = session.Client.Open(message.IdKey!);
        if (stream is null)
        {
            await Error(http, StatusCodes.Status400BadRequest, message.Id, PalisadeErrorCodes.FrameRejected, "a request with this id is already in flight.");
            return;
        }
        session.Client.Deliver(text);
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        try
        {
            await foreach (var json in stream.ReadAllAsync(http.RequestAborted))
            {
                await http.Response.WriteAsync($"event: message\ndata: {json}\n\n", http.RequestAborted);
                await http.Response.Body.FlushAsync(http.RequestAborted);
            }
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            session.Client.Abandon(message.IdKey!);
        }
    }

    private void Ended(McpHttpSession session)
    {
        if (session.Stateless) _stateless.TryRemove(KeyValuePair.Create(session.Server, session));
        else _sessions.TryRemove(KeyValuePair.Create(session.Id, session));
    }

    private async Task DeleteAsync(HttpContext http)
    {
        if (http.Request.Headers["Mcp-Session-Id"].FirstOrDefault() is { } sid && _sessions.TryRemove(sid, out var session))
        {
            await session.DisposeAsync();
            http.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }
        http.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    /// <summary>The body as UTF-8 text, or null when it is over <paramref name="max"/> bytes.</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, int max, CancellationToken cancel)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int n;
        while ((n = await request.Body.ReadAsync(chunk, cancel)) > 0)
        {
            if (buffer.Length + n > max) return null;
            buffer.Write(chunk, 0, n);
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            return "\uFFFD";
        }
    }

    private static Task Error(HttpContext http, int status, System.Text.Json.Nodes.JsonNode? id, int code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(JsonRpcReplies.Error(id, code, message));
    }
}
