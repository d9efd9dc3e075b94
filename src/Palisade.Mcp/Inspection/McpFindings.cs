using Palisade.Core.Model;

namespace Palisade.Mcp.Inspection;

/// <summary>
/// Findings the MCP proxy raises itself — policy, pins, chains, protocol — as opposed to the engine's scanners.
/// Their ids are permanent (audit records and config refer to them); their category <c>mcp</c> blocks by default,
/// and <c>actions: {mcp: review}</c> in config changes that like any category.
/// </summary>
public static class McpFindings
{
    public const string Scanner = "mcp";
    public const string Category = "mcp";

    public const string ToolDenied = "mcp-tool-denied";
    public const string ToolNotAllowed = "mcp-tool-not-allowed";
    public const string ToolChanged = "mcp-tool-changed";
    public const string ToolShadowing = "mcp-tool-shadowing";
    public const string ToolDuplicate = "mcp-tool-duplicate";
    public const string ToolWithheld = "mcp-tool-withheld";
    public const string ChainSecretThenSend = "mcp-chain-secret-then-send";
    public const string ChainWriteThenExecute = "mcp-chain-write-then-execute";
    public const string FrameMalformed = "mcp-frame-malformed";
    public const string ResponseUnknownId = "mcp-response-unknown-id";
    public const string RequestDuplicateId = "mcp-request-duplicate-id";
    public const string AuditUnavailable = "mcp-audit-unavailable";
    public const string PinsUnavailable = "mcp-pins-unavailable";

    public static IReadOnlyList<string> All { get; } =
    [
        ToolDenied, ToolNotAllowed, ToolChanged, ToolShadowing, ToolDuplicate, ToolWithheld, ChainSecretThenSend,
        ChainWriteThenExecute, FrameMalformed, ResponseUnknownId, RequestDuplicateId, AuditUnavailable, PinsUnavailable,
    ];

    public static Finding Of(string rule, string field, string description, Severity severity = Severity.High) => new()
    {
        RuleId = rule,
        Scanner = Scanner,
        Category = Category,
        Severity = severity,
        Location = new FindingLocation(field, "raw", 0, 0),
        Evidence = "",
        Description = description,
        Tags = ["owasp-llm03", "owasp-llm06"],
    };
}
