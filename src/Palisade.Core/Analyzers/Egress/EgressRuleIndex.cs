using Palisade.Core.Rules;

namespace Palisade.Core.Analyzers.Egress;

/// <summary>
/// The enabled egress rules of one rule set, by the fact kinds they read. An egress rule's <c>keywords</c> name fact kinds
/// (<c>host:</c>, <c>ip:</c>): the rule only runs on facts of those kinds, which keeps a URL's work to a handful of short
/// regex runs. Within a kind, rules are ordered most severe first: a fact reports once, under the strongest rule that
/// claims it (<c>localhost</c> is loopback, not merely an unqualified name).
/// </summary>
public sealed class EgressRuleIndex
{
    public RuleSet Rules { get; }
    private readonly Dictionary<string, CompiledRule[]> _byKind;
    private readonly CompiledRule[] _everyFact;
    private readonly Dictionary<string, CompiledRule> _byId;

    public EgressRuleIndex(RuleSet rules)
    {
        Rules = rules;
        var egress = rules.ForScanner(EgressAnalyzer.ScannerName)
            .OrderByDescending(r => r.Definition.Severity).ThenBy(r => r.Index).ToArray();
        _byId = egress.ToDictionary(r => r.Id, StringComparer.Ordinal);
        _everyFact = egress.Where(r => r.Definition.Keywords.Count == 0).ToArray();
        _byKind = egress
            .SelectMany(r => r.Definition.Keywords.Select(k => (Kind: k.TrimEnd(':').ToLowerInvariant(), Rule: r)))
            .GroupBy(x => x.Kind, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Rule).Concat(_everyFact).Distinct()
                .OrderByDescending(r => r.Definition.Severity).ThenBy(r => r.Index).ToArray(), StringComparer.Ordinal);
    }

    public IReadOnlyList<CompiledRule> For(string kind) => _byKind.TryGetValue(kind, out var rules) ? rules : _everyFact;

    /// <summary>An enabled egress rule by id, or null when it is switched off.</summary>
    public CompiledRule? Find(string id) => _byId.GetValueOrDefault(id);
}
