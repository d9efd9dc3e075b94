namespace Palisade.Core.Rules;

/// <summary>
/// One case-insensitive pass over a text for every rule's keywords (a <see cref="KeywordAutomaton"/>), answering
/// which rules could match it. Clean text runs no regex. Number-shaped rules use <see cref="RuleDefinition.MinDigits"/>
/// instead of (or as well as) keywords: one hop per digit run decides them.
/// </summary>
public sealed class KeywordPrefilter
{
    private readonly KeywordAutomaton? _automaton;
    private readonly int[] _alwaysRun;
    private readonly (int Rule, int MinDigits, bool NeedsKeyword)[] _digitRules;
    private readonly int _maxMinDigits;
    private readonly int _ruleCount;

    public KeywordPrefilter(IReadOnlyList<CompiledRule> rules)
    {
        _ruleCount = rules.Count;
        var byKeyword = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var always = new List<int>();
        var digitRules = new List<(int, int, bool)>();
        foreach (var rule in rules)
        {
            var def = rule.Definition;
            if (def.MinDigits > 0) digitRules.Add((rule.Index, def.MinDigits, def.Keywords.Count > 0));
            else if (def.Keywords.Count == 0) always.Add(rule.Index);
            foreach (var k in def.Keywords)
            {
                if (k.Length == 0) continue;
                if (!byKeyword.TryGetValue(k, out var list)) byKeyword[k] = list = [];
                list.Add(rule.Index);
            }
        }
        _alwaysRun = always.ToArray();
        _digitRules = digitRules.ToArray();
        _maxMinDigits = digitRules.Count == 0 ? 0 : digitRules.Max(d => d.Item2);
        _automaton = byKeyword.Count == 0 ? null : new KeywordAutomaton(byKeyword.Select(kv => (kv.Key, kv.Value.ToArray())).ToArray());
    }

    /// <summary>
    /// Rules whose keyword occurs in <paramref name="text"/>, plus rules without keywords. A rule with
    /// <see cref="RuleDefinition.MinDigits"/> also needs a long enough digit run (and its keyword, if it has any).
    /// </summary>
    public RuleHits Scan(ReadOnlySpan<char> text)
    {
        var hits = new RuleHits(_ruleCount);
        foreach (var r in _alwaysRun) hits.Set(r);
        _automaton?.Scan(text, hits);
        if (_digitRules.Length > 0)
        {
            var run = DigitRuns.Longest(text, _maxMinDigits);
            foreach (var (rule, minDigits, needsKeyword) in _digitRules)
            {
                if (run < minDigits) hits.Clear(rule);
                else if (!needsKeyword) hits.Set(rule);
            }
        }
        return hits;
    }
}

/// <summary>A set of rule indices, one bit each.</summary>
public readonly struct RuleHits(int count)
{
    private readonly ulong[] _bits = new ulong[(count + 63) / 64];

    public void Set(int index) => _bits[index >> 6] |= 1UL << (index & 63);
    public void Clear(int index) => _bits[index >> 6] &= ~(1UL << (index & 63));
    public bool Contains(int index) => (_bits[index >> 6] & (1UL << (index & 63))) != 0;
    public bool Any => _bits.Any(b => b != 0);
}
