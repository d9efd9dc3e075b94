namespace Palisade.Mcp.Transport;

/// <summary>One line read from a peer: its text, or why it could not be read (over the size cap, not UTF-8).</summary>
public readonly record struct McpFrame(string? Text, string? Problem)
{
    public static McpFrame Of(string text) => new(text, null);
    public static McpFrame Rejected(string problem) => new(null, problem);
}
