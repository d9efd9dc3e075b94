using Palisade.Cli.Setup;

namespace Palisade.Cli.Agents.Discovery;

/// <summary>
/// Finds AI agents and local model servers on this machine and says which ones Palisade protects: an agent is
/// protected when its hooks call <c>palisade hook</c>, or when its environment sends its traffic to the gateway or
/// the egress proxy.
/// </summary>
public sealed class AgentDiscovery(IProcessSource processes, IPortProbe ports, AgentEndpoints endpoints, Func<string, string?> readFile, string userHome)
{
    public DiscoveryResult Run(int selfProcessId)
    {
        var found = new Dictionary<AgentSignature, List<RunningProcess>>();
        foreach (var p in processes.List())
        {
            if (p.Id == selfProcessId) continue;
            if (AgentSignatures.Match(p) is { } signature)
            {
                if (!found.TryGetValue(signature, out var list)) found[signature] = list = [];
                list.Add(p);
            }
        }
        var agents = AgentSignatures.All.Where(found.ContainsKey)
            .Select(s => new DiscoveredAgent(s.Agent, [.. found[s].Select(p => p.Id).Order()], ProtectedBy(s.Agent, found[s]), s.Protect))
            .ToList();
        var servers = ModelServer.Known.Where(m => ports.IsListening(m.Port)).ToList();
        return new DiscoveryResult(agents, servers, ports.IsListening(endpoints.Gateway.Port));
    }

    private List<string> ProtectedBy(string agent, List<RunningProcess> running)
    {
        var by = new List<string>();
        if (agent == "Claude Code")
        {
            // User settings, then each running session's project settings (shared and local).
            var files = new[] { ClaudeSettingsPath() }.Concat(ProjectFiles(running, ".claude/settings.json", ".claude/settings.local.json"));
            if (files.FirstOrDefault(f => HooksInstalled(f, "claude-code")) is { } file) by.Add($"hooks ({file})");
        }
        if (agent == "Cursor")
        {
            var files = new[] { Path.Combine(userHome, ".cursor", "hooks.json") }.Concat(ProjectFiles(running, ".cursor/hooks.json"));
            if (files.FirstOrDefault(f => HooksInstalled(f, "cursor")) is { } file) by.Add($"hooks ({file})");
        }
        var env = running.Where(p => p.Environment is not null).Select(p => p.Environment!).ToList();
        if (env.Any(e => PointsAt(e, "ANTHROPIC_BASE_URL", endpoints.AnthropicBaseUrl) || PointsAt(e, "OPENAI_BASE_URL", endpoints.OpenAiBaseUrl))) by.Add("gateway");
        if (env.Any(e => new[] { "HTTPS_PROXY", "https_proxy" }.Any(k => PointsAt(e, k, endpoints.ProxyUrl)))) by.Add("egress proxy");
        return by;
    }

    private static IEnumerable<string> ProjectFiles(List<RunningProcess> running, params string[] relative) =>
        running.Select(p => p.WorkingDirectory).OfType<string>().Distinct(StringComparer.Ordinal)
            .SelectMany(dir => relative.Select(r => Path.Combine(dir, r)));

    private string ClaudeSettingsPath() =>
        System.Environment.GetEnvironmentVariable("CLAUDE_CONFIG_DIR") is { Length: > 0 } dir
            ? Path.Combine(dir, "settings.json")
            : Path.Combine(userHome, ".claude", "settings.json");

    /// <summary>A settings file that runs <c>palisade hook AGENT</c> somewhere in it.</summary>
    private bool HooksInstalled(string path, string agent)
    {
        var text = readFile(path);
        return text is not null && text.Split('"').Any(s => HookCommandLine.IsPalisadeHook(s.Replace("\\\\", "\\", StringComparison.Ordinal), agent));
    }

    private static bool PointsAt(IReadOnlyDictionary<string, string> env, string name, string url) =>
        env.TryGetValue(name, out var value) && value.TrimEnd('/').StartsWith(url.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
