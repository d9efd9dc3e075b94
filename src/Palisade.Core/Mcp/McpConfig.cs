namespace Palisade.Core.Mcp;

/// <summary>
/// The <c>mcp:</c> section: which servers and tools may be used, the HTTP upstreams <c>palisade run</c> serves at
/// <c>/mcp/{name}</c>, and the proxy's limits. Immutable; read by <see cref="McpConfigYaml"/>.
/// </summary>
public sealed record McpConfig
{
    /// <summary><c>server/tool</c> globs (<c>*</c> and <c>?</c>). When not empty, a tool no entry matches is withheld and its calls blocked.</summary>
    public IReadOnlyList<string> AllowTools { get; init; } = [];

    /// <summary><c>server/tool</c> globs whose tools are withheld and whose calls are blocked; deny wins over allow.</summary>
    public IReadOnlyList<string> DenyTools { get; init; } = [];

    /// <summary>Remote streamable-HTTP servers by name, for <c>palisade mcp --server NAME</c> and <c>/mcp/{name}</c>.</summary>
    public IReadOnlyDictionary<string, McpUpstreamConfig> Servers { get; init; } = new Dictionary<string, McpUpstreamConfig>();

    /// <summary>A JSON-RPC line longer than this is not relayed (fail closed); the MCP stdio transport has no frame limit of its own.</summary>
    public int MaxLineBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Whether tool definitions are pinned and changed ones withheld until approved.</summary>
    public bool Pinning { get; init; } = true;

    public static McpConfig Default { get; } = new();
}

/// <summary>One remote MCP server reached over streamable HTTP.</summary>
public sealed record McpUpstreamConfig(string Name, Uri Url, IReadOnlyDictionary<string, string> Headers);
