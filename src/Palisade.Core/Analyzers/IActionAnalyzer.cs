using Palisade.Core.Model;

namespace Palisade.Core.Analyzers;

/// <summary>
/// Says what an action does, from its structure: a shell line parsed, a URL canonicalized, a path resolved,
/// a tool call decomposed into the actions inside it. Like scanners, analyzers report findings and decide nothing.
/// </summary>
public interface IActionAnalyzer
{
    /// <summary>Part of the audit contract: <c>command</c>, <c>url</c>, <c>path</c>, <c>tool</c>.</summary>
    string Name { get; }

    bool AppliesTo(AgentAction action);

    void Analyze(AgentAction action, AnalysisContext context);
}
