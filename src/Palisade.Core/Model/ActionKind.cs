namespace Palisade.Core.Model;

/// <summary>What an agent is about to do, or what it received. Names are part of the audit contract.</summary>
public enum ActionKind
{
    Prompt,
    ModelOutput,
    ToolCall,
    ToolResult,
    ToolDefinition,
    Command,
    FileAccess,
    HttpRequest,
    HttpResponse,
    Message,
}

/// <summary>Egress leaves the agent (towards a model, a tool, the network); ingress comes back to it.</summary>
public enum Direction
{
    Egress,
    Ingress,
}

/// <summary>Where the content came from: the basis of trust and taint.</summary>
public enum ActionSource
{
    Unknown,
    User,
    Model,
    Tool,
    McpServer,
    Web,
}

/// <summary>What a file access does.</summary>
public enum FileOperation
{
    Read,
    Write,
    Delete,
    Execute,
}
