using Palisade.Core.Rules;

namespace Palisade.Tests.Rules;

public sealed class KeywordPrefilterTests
{
    private static CompiledRule Rule(int index, params string[] keywords) => CompiledRule.Compile(new RuleDefinition
    {
        Id = $"r{index}", Scanner = "secrets", Category = "credential", Pattern = "x", Keywords = keywords,
    }, index);

    private static HashSet<int> Hits(KeywordPrefilter prefilter, int rules, string text)
    {
        var hits = prefilter.Scan(text);
        return Enumerable.Range(0, rules).Where(hits.Contains).ToHashSet();
    }

    [Fact]
    public void Overlapping_keywords_are_all_found()
    {
        // The classic Aho–Corasick case: "she" ends inside "hers", "he" inside "she".
        var rules = new[] { Rule(0, "he"), Rule(1, "she"), Rule(2, "his"), Rule(3, "hers") };
        var prefilter = new KeywordPrefilter(rules);
        Assert.Equal([0, 1, 3], Hits(prefilter, 4, "ushers"));
        Assert.Equal([2], Hits(prefilter, 4, "this"));
        Assert.Empty(Hits(prefilter, 4, "xyz"));
    }

    [Fact]
    public void Keywords_match_regardless_of_case() =>
        Assert.Equal([0], Hits(new KeywordPrefilter([Rule(0, "ghp_")]), 1, "token GHP_abc"));

    [Fact]
    public void A_rule_without_keywords_always_runs() =>
        Assert.Equal([1], Hits(new KeywordPrefilter([Rule(0, "zzz"), Rule(1)]), 2, "plain text"));

    [Fact]
    public void Non_ascii_keywords_and_text_are_handled() =>
        Assert.Equal([0], Hits(new KeywordPrefilter([Rule(0, "clé="), Rule(1, "key=")]), 2, "CLÉ=12 ünïcode"));

    [Fact]
    public void The_prefilter_agrees_with_a_naive_search_on_random_text()
    {
        var keywords = RuleCatalog.Builtin.SelectMany(r => r.Keywords).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var rules = keywords.Select((k, i) => Rule(i, k)).ToArray();
        var prefilter = new KeywordPrefilter(rules);
        var random = new Random(42);
        for (var round = 0; round < 300; round++)
        {
            // Fragments of real keywords, in mixed case, among noise: the cases where a buggy automaton misses.
            var parts = Enumerable.Range(0, 40).Select(_ =>
            {
                var k = keywords[random.Next(keywords.Length)];
                return random.Next(3) switch
                {
                    0 => k,
                    1 => k[..Math.Max(1, k.Length / 2)],
                    _ => new string((char)random.Next(32, 127), random.Next(1, 4)),
                };
            }).Select(p => random.Next(2) == 0 ? p.ToUpperInvariant() : p);
            var text = string.Concat(parts);
            var expected = Enumerable.Range(0, keywords.Length).Where(i => text.Contains(keywords[i], StringComparison.OrdinalIgnoreCase)).ToHashSet();
            Assert.Equal(expected, Hits(prefilter, keywords.Length, text));
        }
    }
}
