using System.Text.Json;
using System.Text.Json.Nodes;
using Palisade.Core.Audit;
using Palisade.Core.Model;
using Palisade.Core.Redaction;
using Palisade.Mcp.Pinning;
using Palisade.Mcp.Protocol;

namespace Palisade.Mcp.Inspection;

/// <summary>
/// Everything the MCP proxy judges, for one session with one server: the client's requests (tool calls), the
/// server's answers (definition lists, tool results, prompts, resources), and the server's own requests
/// (sampling, elicitation). Each method either lets the message through — possibly changed: withheld tools,
/// redacted text — or returns the JSON-RPC error to send back instead.
/// </summary>
public sealed class McpInspector
{
    private readonly McpJudge _judge;
    private readonly ToolPolicy _policy;
    private readonly ToolPinner? _pinner;
    private readonly ListFilter _lists;
    private readonly ChainTracker _chain = new();
    private readonly Action<string> _notice;

    public WithheldTools Withheld { get; } = new();
    public string SessionId { get; }
    public string Server => _judge.Server;

    public McpInspector(McpJudge judge, ToolPolicy policy, ToolPinner? pinner, TimeProvider time, Action<string>? notice = null)
    {
        _judge = judge;
        _policy = policy;
        _pinner = pinner;
        _notice = notice ?? (_ => { });
        _lists = new ListFilter(judge, policy, pinner, Withheld, _notice);
        SessionId = AuditEvent.NewId(time);
    }

    /// <summary>A request from the client. Null: forward it; otherwise the error to answer with.</summary>
    public async Task<string?> CheckClientRequestAsync(JsonRpcMessage request, CancellationToken cancel)
    {
        if (request.Method != "tools/call") return null;
        if (request.Params?["name"] is not JsonValue nameValue || nameValue.GetValueKind() != JsonValueKind.String)
        {
            var j = await RejectAsync(McpFindings.FrameMalformed, "a tools/call request without a tool name", Direction.Egress, cancel).ConfigureAwait(false);
            return BlockReply(request.Id, j);
        }
        var tool = nameValue.GetValue<string>();
        var arguments = request.Params["arguments"];
        var extra = new List<Finding>();
        if (_policy.Check(Server, tool, "name") is { } denied) extra.Add(denied);
        if (Withheld.Get(tool) is { } why)
            extra.Add(McpFindings.Of(McpFindings.ToolWithheld, "name", $"tool '{tool}' was withheld from this session's tool list (event {why.EventId})"));
        else if (PendingPin(tool) is { } pending) extra.Add(pending);
        extra.AddRange(_chain.Check(tool, arguments));

        var judgement = await _judge.JudgeAsync(McpActions.Call(SessionId, tool, arguments), extra, "tools/call", cancel).ConfigureAwait(false);
        if (judgement.Verdict.Decision.Stops())
        {
            _notice($"blocked call to '{tool}' of server '{Server}': {judgement.Verdict.Reason} (event {judgement.EventId})");
            return BlockReply(request.Id, judgement);
        }
        _chain.Observe(tool, arguments, judgement.Verdict);
        return null;
    }

    /// <summary>A finding when the tool has a change waiting for approval (or the pin store cannot say), else null.</summary>
    private Finding? PendingPin(string tool)
    {
        try
        {
            return _pinner?.IsPending(Server, tool) == true
                ? McpFindings.Of(McpFindings.ToolChanged, "name", $"tool '{tool}' of server '{Server}' has a changed definition waiting for approval")
                : null;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return McpFindings.Of(McpFindings.PinsUnavailable, "name", $"the pin store could not be read, so tool '{tool}' could not be checked against its pin");
        }
    }

    /// <summary>The server's answer to a client request: filtered or checked by method. Returns what to forward.</summary>
    public async Task<string> CheckServerResponseAsync(JsonRpcMessage response, string method, string? tool, CancellationToken cancel)
    {
        if (ListFilter.ItemsMember(method) is { } member)
        {
            if (response.Result is JsonObject result) await _lists.FilterAsync(method, member, result, SessionId, cancel).ConfigureAwait(false);
            return response.ToJson();
        }
        if (method is not ("tools/call" or "prompts/get" or "resources/read")) return response.ToJson();

        var body = response.Result ?? response.Node["error"];
        var (action, leaves) = McpActions.Result(SessionId, tool, body);
        var judgement = await _judge.JudgeAsync(action, [], method, cancel).ConfigureAwait(false);
        _chain.ObserveResult(tool, judgement.Verdict);
        var verdict = judgement.Verdict;
        if (verdict.Decision.Stops())
        {
            _notice($"blocked the result of {method}{(tool is null ? "" : $" '{tool}'")} from server '{Server}': {verdict.Reason} (event {judgement.EventId})");
            return BlockReply(response.Id, judgement);
        }
        if (verdict.Decision == Decision.Redact)
            foreach (var leaf in leaves)
            {
                var redacted = Redactor.Apply(leaf.Text, leaf.Path, verdict.Findings);
                if (!ReferenceEquals(redacted, leaf.Text)) leaf.Replace(redacted);
            }
        return response.ToJson();
    }

    /// <summary>A request from the server (sampling, elicitation, roots, ping). Null: forward it; otherwise the error to answer the server with.</summary>
    public async Task<string?> CheckServerRequestAsync(JsonRpcMessage request, CancellationToken cancel)
    {
        if (request.Method is not ("sampling/createMessage" or "elicitation/create")) return null;
        var judgement = await _judge.JudgeAsync(McpActions.ServerRequest(SessionId, request.Params), [], request.Method, cancel).ConfigureAwait(false);
        if (!judgement.Verdict.Decision.Stops()) return null;
        _notice($"blocked {request.Method} from server '{Server}': {judgement.Verdict.Reason} (event {judgement.EventId})");
        return BlockReply(request.Id, judgement);
    }

    /// <summary>Records a frame that was not relayed (malformed, oversized, answering nothing) and returns the judgement.</summary>
    public Task<Judgement> RejectAsync(string rule, string description, Direction direction, CancellationToken cancel) =>
        _judge.JudgeAsync(McpActions.Frame(SessionId, direction), [McpFindings.Of(rule, "frame", description)], "(frame)", cancel);

    public static string BlockReply(JsonNode? id, Judgement j)
    {
        var v = j.Verdict;
        var code = v.Decision == Decision.Review ? PalisadeErrorCodes.HeldForReview : PalisadeErrorCodes.Blocked;
        var verb = v.Decision == Decision.Review ? "held this for review (the MCP proxy cannot ask a person, so it is stopped)" : "blocked this";
        return JsonRpcReplies.Error(id, code, $"Palisade {verb}: {v.Reason}", JsonRpcReplies.BlockData(v.DecidingRule, v.Reason, j.EventId));
    }
}
