namespace Palisade.Cli.Agents.Discovery;

/// <summary>
/// One kind of agent found running: its processes, how Palisade already covers it (hooks, gateway or proxy
/// variables), and what to run when nothing does.
/// </summary>
public sealed record DiscoveredAgent(string Agent, IReadOnlyList<int> ProcessIds, IReadOnlyList<string> ProtectedBy, string Protect)
{
    public bool IsProtected => ProtectedBy.Count > 0;
}

/// <summary>What discovery found: agents, local model servers that answered, and whether Palisade's own listener is up.</summary>
public sealed record DiscoveryResult(IReadOnlyList<DiscoveredAgent> Agents, IReadOnlyList<ModelServer> ModelServers, bool PalisadeListening);
