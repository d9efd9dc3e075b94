using Palisade.Core.Model;

namespace Palisade.Core.Audit;

/// <summary>
/// The snake_case names model values take in audit records. Permanent once released: scripts and SIEM
/// queries match on them, so a renamed C# enum member must keep its old wire name here.
/// </summary>
public static class AuditWireNames
{
    public static string Of(ActionKind kind) => kind switch
    {
        ActionKind.Prompt => "prompt",
        ActionKind.ModelOutput => "model_output",
        ActionKind.ToolCall => "tool_call",
        ActionKind.ToolResult => "tool_result",
        ActionKind.ToolDefinition => "tool_definition",
        ActionKind.Command => "command",
        ActionKind.FileAccess => "file_access",
        ActionKind.HttpRequest => "http_request",
        ActionKind.HttpResponse => "http_response",
        ActionKind.Message => "message",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Of(Direction direction) => direction switch
    {
        Direction.Egress => "egress",
        Direction.Ingress => "ingress",
        _ => throw new ArgumentOutOfRangeException(nameof(direction)),
    };

    public static string Of(ActionSource source) => source switch
    {
        ActionSource.Unknown => "unknown",
        ActionSource.User => "user",
        ActionSource.Model => "model",
        ActionSource.Tool => "tool",
        ActionSource.McpServer => "mcp_server",
        ActionSource.Web => "web",
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };

    public static string Of(Severity severity) => severity switch
    {
        Severity.Info => "info",
        Severity.Low => "low",
        Severity.Medium => "medium",
        Severity.High => "high",
        Severity.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };
}
