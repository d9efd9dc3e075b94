using System.Text.Json.Nodes;

namespace Palisade.Mcp.Pinning;

/// <summary>
/// Compares a server's listed tools with their pins. First sight of a server pins everything; afterwards a changed
/// definition, or a new tool whose name another server already uses, is recorded as pending and reported; the
/// caller withholds it (in enforce) until <c>palisade mcp pins approve</c>.
/// </summary>
public sealed class ToolPinner(PinStore store)
{
    public PinStore Store => store;

    public IReadOnlyDictionary<string, PinCheck> Check(string server, IReadOnlyList<(string Name, JsonObject Definition)> tools)
    {
        var all = store.List();
        var mine = all.Where(p => p.Server == server).ToDictionary(p => p.Tool, StringComparer.Ordinal);
        var firstSight = mine.Count == 0;
        var elsewhere = all.Where(p => p.Server != server && p.Hash.Length > 0)
            .GroupBy(p => p.Tool, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Server, StringComparer.Ordinal);
        var result = new Dictionary<string, PinCheck>(StringComparer.Ordinal);
        foreach (var (name, definition) in tools)
        {
            var canonical = PinnedDefinition.Canonical(definition);
            var hash = PinnedDefinition.Hash(canonical);
            if (mine.TryGetValue(name, out var pin) && pin.Hash.Length > 0)
            {
                if (pin.Hash == hash)
                {
                    // The server is back to the approved definition: nothing is waiting any more (the change was audited).
                    if (pin.IsPending) store.Pin(server, name, hash, canonical);
                    result[name] = new PinCheck(name, PinState.Trusted, null, null);
                    continue;
                }
                const string reason = "its definition changed since it was pinned";
                store.SetPending(server, name, hash, canonical, reason);
                result[name] = new PinCheck(name, PinState.Changed, reason, DefinitionDiff.Unified(pin.Definition, canonical));
            }
            else if (pin is not null || elsewhere.ContainsKey(name))
            {
                var reason = pin?.PendingReason ?? $"server '{elsewhere[name]}' already has a tool named '{name}'";
                store.SetPending(server, name, hash, canonical, reason);
                result[name] = new PinCheck(name, PinState.Shadowing, reason, null);
            }
            else
            {
                store.Pin(server, name, hash, canonical);
                result[name] = new PinCheck(name, firstSight ? PinState.FirstSeen : PinState.Added, null, null);
            }
        }
        return result;
    }

    /// <summary>True when the tool has a definition waiting for approval (so calls to it stay blocked after a restart).</summary>
    public bool IsPending(string server, string tool) => store.List(server).Any(p => p.Tool == tool && p.IsPending);
}
