using System.Text.Json;
using System.Text.Json.Nodes;
using Palisade.Core.Engine;
using Palisade.Mcp;
using Palisade.Mcp.Inspection;
using Palisade.Mcp.Proxy;
using Palisade.Mcp.Transport;

namespace Palisade.Cli.Mcp;

/// <summary>What the client saw when a recorded exchange was replayed through the proxy.</summary>
/// <param name="Stopped">Ids (compact JSON) of client requests answered with a Palisade block or review error.</param>
/// <param name="Replies">Every message the client received, by id.</param>
public sealed record McpReplayOutcome(IReadOnlySet<string> Stopped, IReadOnlyDictionary<string, JsonObject> Replies);

/// <summary>
/// Replays a recorded MCP exchange through the real relay (<see cref="McpSession"/> and <see cref="McpInspector"/>,
/// the code the stdio wrapper runs) with in-memory pipes: a client that sends the recorded requests one at a time,
/// and a server that answers with the recorded results (or a plain "ok"). One replay is one session, so chains count.
/// </summary>
public static class McpReplay
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static async Task<McpReplayOutcome> RunAsync(PalisadeEngine engine, IReadOnlyList<JsonObject> clientRequests, IReadOnlyDictionary<string, JsonNode> serverResults)
    {
        var (client, proxyClientSide) = MemoryChannel.CreatePair();
        var (proxyServerSide, server) = MemoryChannel.CreatePair();
        var inspector = McpProxyFactory.CreateInspector(engine, "eval", pins: null, NoAuditSink.Instance, TimeProvider.System);
        using var timeout = new CancellationTokenSource(Limit);
        var session = new McpSession(proxyClientSide, proxyServerSide, inspector).RunAsync(timeout.Token);
        var serving = ServeAsync(server, serverResults, timeout.Token);

        var stopped = new HashSet<string>(StringComparer.Ordinal);
        var replies = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var request in clientRequests)
        {
            await client.WriteAsync(request.ToJsonString(), timeout.Token);
            var id = request["id"]?.ToJsonString();
            if (id is null) continue;
            var frame = await client.ReadAsync(timeout.Token) ?? throw new InvalidOperationException("the proxy closed the session during a replay.");
            var reply = JsonNode.Parse(frame.Text!)!.AsObject();
            replies[id] = reply;
            if (reply["error"]?["code"] is JsonValue code && code.GetValue<int>() is Palisade.Mcp.Protocol.PalisadeErrorCodes.Blocked or Palisade.Mcp.Protocol.PalisadeErrorCodes.HeldForReview)
                stopped.Add(id);
        }
        await client.CompleteAsync();
        await session;
        await serving;
        return new McpReplayOutcome(stopped, replies);
    }

    /// <summary>The recorded server: answers initialize, the recorded results by id, and "ok" to any other tool call.</summary>
    private static async Task ServeAsync(MemoryChannel server, IReadOnlyDictionary<string, JsonNode> results, CancellationToken cancel)
    {
        while (await server.ReadAsync(cancel) is { } frame)
        {
            var message = JsonNode.Parse(frame.Text!)!.AsObject();
            if (message["id"] is not { } id || message["method"] is not JsonValue method) continue;
            JsonNode result = method.GetValue<string>() switch
            {
                "initialize" => new JsonObject { ["protocolVersion"] = "2025-06-18", ["capabilities"] = new JsonObject(), ["serverInfo"] = new JsonObject { ["name"] = "replay", ["version"] = "1" } },
                _ when results.TryGetValue(id.ToJsonString(), out var recorded) => recorded.DeepClone(),
                "tools/list" => new JsonObject { ["tools"] = new JsonArray() },
                _ => new JsonObject { ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "ok" }) },
            };
            await server.WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = result }.ToJsonString(), cancel);
        }
        // The proxy closed our input: close our output too, as a server process does when it exits.
        await server.CompleteAsync();
    }

    /// <summary>The initialize handshake every replay starts with.</summary>
    public static IEnumerable<JsonObject> Handshake() =>
    [
        JsonNode.Parse("""{"jsonrpc":"2.0","id":"init","method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"eval","version":"1"}}}""")!.AsObject(),
        JsonNode.Parse("""{"jsonrpc":"2.0","method":"notifications/initialized"}""")!.AsObject(),
    ];

    public static JsonObject Parse(JsonElement e) => JsonNode.Parse(e.GetRawText())!.AsObject();
}
