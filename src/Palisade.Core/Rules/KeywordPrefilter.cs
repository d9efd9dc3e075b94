using System.Buffers;

namespace Palisade.Core.Rules;

/// <summary>
/// One case-insensitive multi-keyword search across every rule's keywords (a vectorised
/// <see cref="SearchValues{T}"/> pass), answering which rules could match a text. Clean text runs no regex.
/// </summary>
public sealed class KeywordPrefilter
{
    private readonly SearchValues<string>? _search;
    private readonly Dictionary<char, (string Keyword, int[] Rules)[]> _byFirstChar;
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
        _search = byKeyword.Count == 0 ? null : SearchValues.Create(byKeyword.Keys.ToArray(), StringComparison.OrdinalIgnoreCase);
        _byFirstChar = byKeyword
            .SelectMany(kv => FirstCharVariants(kv.Key[0]).Select(c => (c, kv.Key, Rules: kv.Value.ToArray())))
            .GroupBy(x => x.c)
            .ToDictionary(g => g.Key, g => g.Select(x => (x.Key, x.Rules)).ToArray());
    }

    private static IEnumerable<char> FirstCharVariants(char c)
    {
        var lower = char.ToLowerInvariant(c);
        var upper = char.ToUpperInvariant(c);
        yield return lower;
        if (upper != lower) yield return upper;
    }

    /// <summary>Rules whose keyword occurs in <paramref name="text"/>, plus rules without keywords.</summary>
    public RuleHits Scan(ReadOnlySpan<char> text)
    {
        var hits = new RuleHits(_ruleCount);
        foreach (var r in _alwaysRun) hits.Set(r);
        if (_search is null) return hits;
        var offset = 0;
        while (offset < text.Length)
        {
            var rest = text[offset..];
            var i = rest.IndexOfAny(_search);
            if (i < 0) break;
            if (_byFirstChar.TryGetValue(rest[i], out var candidates))
            {
                var at = rest[i..];
                foreach (var (keyword, rules) in candidates)
                    if (at.StartsWith(keyword, StringComparison.OrdinalIgnoreCase))
                        foreach (var r in rules) hits.Set(r);
            }
            offset += i + 1;
        }
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
