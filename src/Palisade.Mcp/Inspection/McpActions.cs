using System.Text.Json.Nodes;
using Palisade.Core.Model;

namespace Palisade.Mcp.Inspection;

/// <summary>Turns MCP messages into the engine's <see cref="AgentAction"/>s. No judgement here: only description.</summary>
public static class McpActions
{
    public const string Transport = "mcp";

    /// <summary>A tool, prompt or resource definition from a list result: every text field, schema included.</summary>
    public static AgentAction Definition(string? session, string name, JsonObject item)
    {
        var fields = JsonLeaves.Strings(item, "").Select(l => new ContentField(l.Path, l.Text)).ToList();
        var propertyNames = string.Join(' ', JsonLeaves.PropertyNames(item["inputSchema"]));
        if (propertyNames.Length > 0) fields.Add(new ContentField("inputSchema.properties(names)", propertyNames));
        return new AgentAction
        {
            Kind = ActionKind.ToolDefinition, Direction = Direction.Ingress, Source = ActionSource.McpServer,
            Transport = Transport, SessionId = session, ToolName = name, Fields = fields,
        };
    }

    /// <summary>A <c>tools/call</c> request: the tool analyzer decomposes it into the commands, paths and URLs inside.</summary>
    public static AgentAction Call(string? session, string tool, JsonNode? arguments) => new()
    {
        Kind = ActionKind.ToolCall, Direction = Direction.Egress, Source = ActionSource.Model,
        Transport = Transport, SessionId = session, ToolName = tool,
        ArgumentsJson = arguments?.ToJsonString() ?? "{}",
    };

    /// <summary>What a server sends back for the model to read: a tool result, a prompt, a resource's contents.</summary>
    public static (AgentAction Action, List<JsonLeaf> Leaves) Result(string? session, string? tool, JsonNode? result)
    {
        var leaves = JsonLeaves.Strings(result, "result");
        var action = new AgentAction
        {
            Kind = ActionKind.ToolResult, Direction = Direction.Ingress, Source = ActionSource.McpServer,
            Transport = Transport, SessionId = session, ToolName = tool,
            Fields = leaves.Select(l => new ContentField(l.Path, l.Text)).ToArray(),
        };
        return (action, leaves);
    }

    /// <summary>A request the server makes of the client (sampling, elicitation): text aimed at the model or the user.</summary>
    public static AgentAction ServerRequest(string? session, JsonNode? parameters) => new()
    {
        Kind = ActionKind.Message, Direction = Direction.Ingress, Source = ActionSource.McpServer,
        Transport = Transport, SessionId = session,
        Fields = JsonLeaves.Strings(parameters, "params").Select(l => new ContentField(l.Path, l.Text)).ToArray(),
    };

    /// <summary>A frame that never became a message (malformed, oversized, unknown id): judged by its own finding only.</summary>
    public static AgentAction Frame(string? session, Direction direction) => new()
    {
        Kind = ActionKind.Message, Direction = direction, Source = direction == Direction.Ingress ? ActionSource.McpServer : ActionSource.Model,
        Transport = Transport, SessionId = session,
    };
}
