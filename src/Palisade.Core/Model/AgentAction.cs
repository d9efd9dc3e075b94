namespace Palisade.Core.Model;

/// <summary>
/// One thing an agent is about to do or has received, as every surface describes it to the engine.
/// Content scanners read <see cref="Fields"/>; analyzers read the typed properties.
/// </summary>
public sealed record AgentAction
{
    public required ActionKind Kind { get; init; }
    public Direction Direction { get; init; } = Direction.Egress;
    public ActionSource Source { get; init; } = ActionSource.Unknown;

    /// <summary>The surface that carried the action: <c>scan</c>, <c>gateway</c>, <c>mcp</c>, <c>proxy</c>, <c>hook</c>, <c>sdk</c>.</summary>
    public string Transport { get; init; } = "scan";
    public string? SessionId { get; init; }
    public string? AgentId { get; init; }

    /// <summary>The text content scanners read. Never empty for content actions; may be empty for structural ones.</summary>
    public IReadOnlyList<ContentField> Fields { get; init; } = [];

    /// <summary>
    /// The kind of action this one was found inside — a URL inside a shell command, a command inside a tool call —
    /// or null for an action a surface saw directly. Some judgements depend on it (see the egress rules).
    /// </summary>
    public ActionKind? FoundIn { get; init; }

    public string? ToolName { get; init; }
    public string? ArgumentsJson { get; init; }
    public string? CommandLine { get; init; }
    public string? Url { get; init; }
    public string? Method { get; init; }
    public string? Path { get; init; }
    public FileOperation? FileOperation { get; init; }

    /// <summary>The directory a relative <see cref="Path"/> (or a command's relative paths) is resolved against, when the surface knows it.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>An action whose whole content is one text field named <c>content</c>.</summary>
    public static AgentAction FromText(ActionKind kind, string text, Direction direction = Direction.Egress, ActionSource source = ActionSource.Unknown) =>
        new() { Kind = kind, Direction = direction, Source = source, Fields = [new ContentField("content", text)] };
}
