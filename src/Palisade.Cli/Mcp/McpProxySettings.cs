namespace Palisade.Cli.Mcp;

/// <summary>What <c>palisade mcp</c> was asked to do.</summary>
public sealed record McpProxySettings(
    IReadOnlyList<string> ServerCommand,
    string? Upstream,
    IReadOnlyList<string> Headers,
    string? ServerName,
    string? Name,
    string? Config,
    string? Mode,
    string? AuditDir);
