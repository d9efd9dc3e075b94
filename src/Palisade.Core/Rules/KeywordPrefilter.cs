namespace Palisade.Core.Rules;

/// <summary>
/// One case-insensitive pass over a text for every rule's keywords (a <see cref="KeywordAutomaton"/>), answering
/// which rules could match it. Clean text runs no regex.
/// </summary>
public sealed class KeywordPrefilter
{
    private readonly KeywordAutomaton? _automaton;
    private readonly int[] _alwaysRun;
    private readonly int _ruleCount;

    public KeywordPrefilter(IReadOnlyList<CompiledRule> rules)
    {
        _ruleCount = rules.Count;
        var byKeyword = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var always = new List<int>();
        foreach (var rule in rules)
        {
            if (rule.Definition.Keywords.Count == 0) always.Add(rule.Index);
            foreach (var k in rule.Definition.Keywords)
            {
                if (k.Length == 0) continue;
                if (!byKeyword.TryGetValue(k, out var list)) byKeyword[k] = list = [];
                list.Add(rule.Index);
            }
        }
        _alwaysRun = always.ToArray();
        _automaton = byKeyword.Count == 0 ? null : new KeywordAutomaton(byKeyword.Select(kv => (kv.Key, kv.Value.ToArray())).ToArray());
    }

    /// <summary>Rules whose keyword occurs in <paramref name="text"/>, plus rules without keywords.</summary>
    public RuleHits Scan(ReadOnlySpan<char> text)
    {
        var hits = new RuleHits(_ruleCount);
        foreach (var r in _alwaysRun) hits.Set(r);
        _automaton?.Scan(text, hits);
        return hits;
    }
}

/// <summary>A set of rule indices, one bit each.</summary>
public readonly struct RuleHits(int count)
{
    private readonly ulong[] _bits = new ulong[(count + 63) / 64];

    public void Set(int index) => _bits[index >> 6] |= 1UL << (index & 63);
    public bool Contains(int index) => (_bits[index >> 6] & (1UL << (index & 63))) != 0;
    public bool Any => _bits.Any(b => b != 0);
}
