namespace Palisade.Cli.Agents.Discovery;

/// <summary>
/// The agents discovery knows, matched on the executable or script name and on package or extension ids in the
/// argument vector (an editor's extension host carries its extensions' paths). First match wins, most specific first.
/// </summary>
public static class AgentSignatures
{
    private static readonly string[] PythonFrameworks = ["langchain", "langgraph", "crewai", "autogen", "llama_index", "llama-index", "openai_agents", "agents-sdk", "smolagents", "pydantic_ai"];
    private static readonly string[] NodeFrameworks = ["langchain", "@mastra", "@openai/agents", "llamaindex", "@ai-sdk", "crewai"];

    public static readonly IReadOnlyList<AgentSignature> All =
    [
        new("Claude Code", p => Exe(p) is "claude" || Has(p, "@anthropic-ai/claude-code"), "palisade setup claude-code"),
        new("Cursor", p => Exe(p) is "cursor" or "cursor-agent" || p.Name.StartsWith("Cursor", StringComparison.Ordinal), "palisade setup cursor"),
        new("Codex", p => Exe(p) is "codex" || Has(p, "@openai/codex"), "palisade wrap -- codex"),
        new("Aider", p => Exe(p) is "aider" || Script(p) is "aider" || ModuleArg(p) is "aider", "palisade wrap -- aider"),
        new("Cline", p => Has(p, "saoudrizwan.claude-dev") || Exe(p) is "cline", "palisade env (in the editor's environment)"),
        new("Continue", p => Has(p, "continue.continue") || Exe(p) is "cn", "palisade env (in the editor's environment)"),
        new("GitHub Copilot", p => Exe(p) is "copilot" or "copilot-language-server" || Has(p, "github.copilot") || Has(p, "@github/copilot"), "palisade env (in the editor's environment)"),
        new("Python agent framework", p => IsPython(p) && PythonFrameworks.Any(f => Has(p, f)), "palisade wrap -- python ..."),
        new("Node agent framework", p => Exe(p) is "node" or "bun" or "deno" && NodeFrameworks.Any(f => Has(p, f)), "palisade wrap -- node ..."),
    ];

    /// <summary>The first signature the process matches, or null.</summary>
    public static AgentSignature? Match(RunningProcess p) => All.FirstOrDefault(s => s.Matches(p));

    private static string Exe(RunningProcess p) => p.Argv.Count == 0 ? p.Name.ToLowerInvariant() : BaseName(p.Argv[0]);

    /// <summary>The script an interpreter runs (<c>python /usr/bin/aider</c>, <c>node …/cli.js</c>).</summary>
    private static string? Script(RunningProcess p) => p.Argv.Count > 1 && !p.Argv[1].StartsWith('-') ? BaseName(p.Argv[1]) : null;

    /// <summary>The module after <c>-m</c> (<c>python -m aider</c>).</summary>
    private static string? ModuleArg(RunningProcess p)
    {
        var i = p.Argv.ToList().IndexOf("-m");
        return i >= 0 && i + 1 < p.Argv.Count ? p.Argv[i + 1].Split('.')[0] : null;
    }

    private static bool IsPython(RunningProcess p) => Exe(p).StartsWith("python", StringComparison.Ordinal);

    private static bool Has(RunningProcess p, string needle) => p.Argv.Any(a => a.Contains(needle, StringComparison.OrdinalIgnoreCase));

    private static string BaseName(string path)
    {
        var name = path.Replace('\\', '/').Split('/')[^1].ToLowerInvariant();
        return name.EndsWith(".exe", StringComparison.Ordinal) ? name[..^4] : name;
    }
}
