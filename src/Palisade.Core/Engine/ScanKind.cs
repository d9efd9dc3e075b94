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
        "tool" => AgentAction.FromText(ActionKind.ToolCall, content) with { ArgumentsJson = content },
        _ => throw new ArgumentException($"unknown kind '{kind}'; use one of: {string.Join(", ", Names)}.", nameof(kind)),
    };
}
