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
        // Loops and one comparison rather than LINQ grouping and ordering over value tuples, which every hook process
        // would jit (docs/decisions/014-hook-install.md).
        Rules = rules;
        var egress = rules.ForScanner(EgressAnalyzer.ScannerName).ToArray();
        Array.Sort(egress, MostSevereFirst);
        _byId = new Dictionary<string, CompiledRule>(egress.Length, StringComparer.Ordinal);
        var everyFact = new List<CompiledRule>();
        var byKind = new Dictionary<string, List<CompiledRule>>(StringComparer.Ordinal);
        foreach (var rule in egress)
        {
            _byId.Add(rule.Id, rule);
            if (rule.Definition.Keywords.Count == 0) everyFact.Add(rule);
            foreach (var keyword in rule.Definition.Keywords)
            {
                var kind = keyword.TrimEnd(':').ToLowerInvariant();
                if (!byKind.TryGetValue(kind, out var list)) byKind[kind] = list = [];
                if (!list.Contains(rule)) list.Add(rule);
            }
        }
        _everyFact = everyFact.ToArray();
        _byKind = new Dictionary<string, CompiledRule[]>(byKind.Count, StringComparer.Ordinal);
        foreach (var (kind, list) in byKind)
        {
            foreach (var rule in _everyFact)
                if (!list.Contains(rule)) list.Add(rule);
            var ordered = list.ToArray();
            Array.Sort(ordered, MostSevereFirst);
            _byKind[kind] = ordered;
        }
    }

    /// <summary>Severity, highest first, then catalog order: a total order, as no two rules share an index.</summary>
    private static int MostSevereFirst(CompiledRule a, CompiledRule b) =>
        a.Definition.Severity != b.Definition.Severity ? ((int)b.Definition.Severity).CompareTo((int)a.Definition.Severity) : a.Index.CompareTo(b.Index);

    public IReadOnlyList<CompiledRule> For(string kind) => _byKind.TryGetValue(kind, out var rules) ? rules : _everyFact;

    /// <summary>An enabled egress rule by id, or null when it is switched off.</summary>
    public CompiledRule? Find(string id) => _byId.GetValueOrDefault(id);
}
