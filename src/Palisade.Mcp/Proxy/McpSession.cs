using System.Text.Json.Nodes;
using Palisade.Core.Model;
using Palisade.Mcp.Inspection;
using Palisade.Mcp.Protocol;
using Palisade.Mcp.Transport;

namespace Palisade.Mcp.Proxy;

/// <summary>How a session ended.</summary>
public enum McpSessionEnd
{
    /// <summary>The client closed its side (the normal end).</summary>
    ClientClosed,

    /// <summary>The server closed its side first (it exited or crashed); pending requests were answered with an error.</summary>
    ServerClosed,
}

/// <summary>
/// Relays JSON-RPC between a client side and a server side through the <see cref="McpInspector"/>, whatever carries
/// the frames (stdio, a child process, streamable HTTP). Fails closed: a frame it cannot read is never relayed, and a
/// request it forwarded always gets an answer — the server's, or an error when the server can no longer give one.
/// </summary>
public sealed class McpSession(IMcpChannel client, IMcpChannel server, McpInspector inspector)
{
    private readonly PendingRequests _fromClient = new();
    private readonly PendingRequests _fromServer = new();

    /// <summary>How long a closed client's server gets to finish its own output before the session stops reading it.</summary>
    public TimeSpan ServerDrainTime { get; init; } = TimeSpan.FromSeconds(5);

    public async Task<McpSessionEnd> RunAsync(CancellationToken cancel)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var clientLoop = Task.Run(() => ClientLoopAsync(stop.Token), CancellationToken.None);
        var serverLoop = Task.Run(() => ServerLoopAsync(stop.Token), CancellationToken.None);
        var first = await Task.WhenAny(clientLoop, serverLoop).ConfigureAwait(false);
        if (first == serverLoop)
        {
            await client.CompleteAsync().ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            await Quietly(clientLoop, TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            await serverLoop.ConfigureAwait(false);
            return McpSessionEnd.ServerClosed;
        }
        await server.CompleteAsync().ConfigureAwait(false);
        await Quietly(serverLoop, ServerDrainTime).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        await clientLoop.ConfigureAwait(false);
        return McpSessionEnd.ClientClosed;
    }

    private static async Task Quietly(Task task, TimeSpan limit)
    {
        try
        {
            await task.WaitAsync(limit).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException or IOException)
        {
            // The loop is abandoned: its peer is gone or stuck, and the caller stops the process behind it.
        }
    }

    private async Task ClientLoopAsync(CancellationToken cancel)
    {
        try
        {
            while (await client.ReadAsync(cancel).ConfigureAwait(false) is { } frame)
            {
                if (!Parse(frame, out var message, out var problem))
                {
                    var j = await inspector.RejectAsync(McpFindings.FrameMalformed, $"the client sent {problem}", Direction.Egress, cancel).ConfigureAwait(false);
                    await client.WriteAsync(FrameError(null, $"Palisade rejected a frame from the client: {problem}.", j), cancel).ConfigureAwait(false);
                    continue;
                }
                switch (message.Kind)
                {
                    case JsonRpcKind.Request:
                        if (!_fromClient.TryAdd(message.IdKey!, new PendingRequest(message.Id, message.Method!, ToolName(message))))
                        {
                            var j = await inspector.RejectAsync(McpFindings.RequestDuplicateId, "the client reused the id of a request still in flight", Direction.Egress, cancel).ConfigureAwait(false);
                            await client.WriteAsync(FrameError(message.Id, "Palisade rejected a request whose id is already in flight.", j), cancel).ConfigureAwait(false);
                            continue;
                        }
                        if (await inspector.CheckClientRequestAsync(message, cancel).ConfigureAwait(false) is { } reply)
                        {
                            _fromClient.TryTake(message.IdKey!, out _);
                            await client.WriteAsync(reply, cancel).ConfigureAwait(false);
                            continue;
                        }
                        await server.WriteAsync(message.ToJson(), cancel).ConfigureAwait(false);
                        break;
                    case JsonRpcKind.Response:
                        if (message.IdKey is null || !_fromServer.TryTake(message.IdKey, out _))
                        {
                            await inspector.RejectAsync(McpFindings.ResponseUnknownId, "the client answered a request the server never made (or answered it twice)", Direction.Egress, cancel).ConfigureAwait(false);
                            continue;
                        }
                        await server.WriteAsync(message.ToJson(), cancel).ConfigureAwait(false);
                        break;
                    default:
                        await server.WriteAsync(message.ToJson(), cancel).ConfigureAwait(false);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
            // The client's pipe broke: the same as the client closing.
        }
    }

    private async Task ServerLoopAsync(CancellationToken cancel)
    {
        try
        {
            while (await server.ReadAsync(cancel).ConfigureAwait(false) is { } frame)
            {
                if (!Parse(frame, out var message, out var problem))
                {
                    // The frame may have been the answer to any pending request: fail them all rather than let the client wait forever.
                    var j = await inspector.RejectAsync(McpFindings.FrameMalformed, $"the server sent {problem}", Direction.Ingress, cancel).ConfigureAwait(false);
                    await FailPendingAsync($"Palisade rejected a frame from the MCP server ({problem}); the request cannot be answered.", PalisadeErrorCodes.FrameRejected, j, cancel).ConfigureAwait(false);
                    continue;
                }
                switch (message.Kind)
                {
                    case JsonRpcKind.Response:
                        if (message.IdKey is null || !_fromClient.TryTake(message.IdKey, out var request))
                        {
                            await inspector.RejectAsync(McpFindings.ResponseUnknownId, "the server answered a request the client never made (or answered it twice)", Direction.Ingress, cancel).ConfigureAwait(false);
                            continue;
                        }
                        await client.WriteAsync(await inspector.CheckServerResponseAsync(message, request.Method, request.Tool, cancel).ConfigureAwait(false), cancel).ConfigureAwait(false);
                        break;
                    case JsonRpcKind.Request:
                        if (!_fromServer.TryAdd(message.IdKey!, new PendingRequest(message.Id, message.Method!, null)))
                        {
                            var j = await inspector.RejectAsync(McpFindings.RequestDuplicateId, "the server reused the id of a request still in flight", Direction.Ingress, cancel).ConfigureAwait(false);
                            await server.WriteAsync(FrameError(message.Id, "Palisade rejected a request whose id is already in flight.", j), cancel).ConfigureAwait(false);
                            continue;
                        }
                        if (await inspector.CheckServerRequestAsync(message, cancel).ConfigureAwait(false) is { } reply)
                        {
                            _fromServer.TryTake(message.IdKey!, out _);
                            await server.WriteAsync(reply, cancel).ConfigureAwait(false);
                            continue;
                        }
                        await client.WriteAsync(message.ToJson(), cancel).ConfigureAwait(false);
                        break;
                    default:
                        await client.WriteAsync(message.ToJson(), cancel).ConfigureAwait(false);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return;
        }
        catch (IOException)
        {
            // The server's pipe broke: the same as the server closing.
        }
        await FailPendingAsync("the MCP server closed the connection before answering; check its stderr output.", PalisadeErrorCodes.ServerUnavailable, null, cancel).ConfigureAwait(false);
    }

    private async Task FailPendingAsync(string message, int code, Judgement? j, CancellationToken cancel)
    {
        foreach (var pending in _fromClient.TakeAll())
        {
            var data = j is null ? null : JsonRpcReplies.BlockData(j.Verdict.DecidingRule, j.Verdict.Reason, j.EventId);
            try
            {
                await client.WriteAsync(JsonRpcReplies.Error(pending.Id, code, message, data), cancel).ConfigureAwait(false);
            }
            catch (IOException)
            {
                return;
            }
        }
    }

    private static string FrameError(JsonNode? id, string message, Judgement j) =>
        JsonRpcReplies.Error(id, PalisadeErrorCodes.FrameRejected, message, JsonRpcReplies.BlockData(j.Verdict.DecidingRule, j.Verdict.Reason, j.EventId));

    private static bool Parse(McpFrame frame, out JsonRpcMessage message, out string problem)
    {
        if (frame.Problem is { } p)
        {
            message = null!;
            problem = p;
            return false;
        }
        return JsonRpcMessage.TryParse(frame.Text!, out message, out problem);
    }

    private static string? ToolName(JsonRpcMessage m) =>
        m.Method == "tools/call" && m.Params?["name"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
