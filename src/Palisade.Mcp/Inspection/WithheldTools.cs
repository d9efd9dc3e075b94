using System.Collections.Concurrent;

namespace Palisade.Mcp.Inspection;

/// <summary>The tools withheld from this session's lists, with the judgement that withheld them: calls to them are blocked.</summary>
public sealed class WithheldTools
{
    private readonly ConcurrentDictionary<string, Judgement> _tools = new(StringComparer.Ordinal);

    public void Add(string tool, Judgement why) => _tools[tool] = why;
    public void Remove(string tool) => _tools.TryRemove(tool, out _);
    public Judgement? Get(string tool) => _tools.TryGetValue(tool, out var j) ? j : null;
    public IReadOnlyCollection<string> Names => [.. _tools.Keys];
}
