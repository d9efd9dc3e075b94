using Palisade.Core.Analyzers.Tools;
using Palisade.Core.Model;

namespace Palisade.Core.Engine;

/// <summary>The kinds <c>palisade scan</c> and the scan API accept, and the action each one makes of its input.</summary>
public static class ScanKind
{
    public static readonly IReadOnlyList<string> Names = ["text", "prompt", "response", "command", "url", "path", "tool"];

    public static bool IsKnown(string kind) => Names.Contains(kind);

    /// <summary>The action a piece of content of this kind stands for.</summary>
    public static AgentAction ToAction(string kind, string content) => kind switch
    {
        "text" => AgentAction.FromText(ActionKind.Message, content),
        "prompt" => AgentAction.FromText(ActionKind.Prompt, content, Direction.Egress, ActionSource.User),
        "response" => AgentAction.FromText(ActionKind.ModelOutput, content, Direction.Ingress, ActionSource.Model),
        "command" => AgentAction.FromText(ActionKind.Command, content) with { CommandLine = content },
        "url" => AgentAction.FromText(ActionKind.HttpRequest, content) with { Url = content, Method = "GET" },
        "path" => Analyzers.Paths.FileAccessInput.ToAction(content),
        "tool" => ToolAction(content),
        _ => throw new ArgumentException($"unknown kind '{kind}'; use one of: {string.Join(", ", Names)}.", nameof(kind)),
    };

    /// <summary>
    /// A tool call in any of the shapes <see cref="ToolCall.TryParse"/> reads. One that cannot be read keeps its raw text
    /// as content (still scanned) and no name, which the tool analyzer reports and, in enforce, blocks.
    /// </summary>
    public static AgentAction ToolAction(string json, Direction direction = Direction.Egress, ActionSource source = ActionSource.Model)
    {
        if (ToolCall.TryParse(json, out var call, out _))
            return new AgentAction { Kind = ActionKind.ToolCall, Direction = direction, Source = source, ToolName = call!.Name, ArgumentsJson = call.Arguments.GetRawText() };
        return AgentAction.FromText(ActionKind.ToolCall, json, direction, source);
    }
}
