using Palisade.Core.Rules;

namespace Palisade.Tests.Rules;

/// <summary>
/// The direct search that answers short texts before an automaton is built must report exactly what the automaton
/// reports, in the same order: the rule set's own keywords over its own examples, and over random texts made of keyword
/// fragments in mixed case, non-ASCII letters and the Kelvin sign.
/// </summary>
public sealed class DirectKeywordSearchTests
{
    private struct Collect() : IKeywordSink
    {
        public List<(int Value, int Start, int End)> Found { get; } = [];

        void IKeywordSink.Found(int value, int start, int end) => Found.Add((value, start, end));
    }

    private static List<(int, int, int)> ByAutomaton(KeywordAutomaton automaton, string text)
    {
        var sink = new Collect();
        automaton.Scan(text, ref sink);
        return sink.Found;
    }

    private static List<(int, int, int)> Directly(DirectKeywordSearch search, string text)
    {
        var sink = new Collect();
        search.Scan(text, ref sink);
        return sink.Found;
    }

    /// <summary>The built-in rules' keywords, split as <see cref="KeywordPrefilter"/> splits them, each with its rules' indices.</summary>
    private static ((string, int[])[] Ascii, (string, int[])[] Other) BuiltinKeywords()
    {
        var byKeyword = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var rules = RuleCatalog.Builtin;
        for (var i = 0; i < rules.Count; i++)
            foreach (var k in rules[i].Keywords)
                if (k.Length > 0) (byKeyword.TryGetValue(k, out var l) ? l : byKeyword[k] = []).Add(i);
        var all = byKeyword.Select(kv => (kv.Key, kv.Value.ToArray())).ToArray();
        return (all.Where(k => KeywordAutomaton.IsAscii(k.Key)).ToArray(), all.Where(k => !KeywordAutomaton.IsAscii(k.Key)).ToArray());
    }

    [Fact]
    public void The_rules_own_examples_give_the_automatons_answers()
    {
        var (ascii, other) = BuiltinKeywords();
        Assert.NotEmpty(other);
        foreach (var keywords in new[] { ascii, other })
        {
            var automaton = new KeywordAutomaton(keywords);
            var direct = new DirectKeywordSearch(keywords);
            Assert.True(direct.Supported);
            var texts = RuleCatalog.Builtin.SelectMany(r => r.MatchExamples.Concat(r.NoMatchExamples)).ToArray();
            Assert.True(texts.Length > 500);
            var found = 0;
            foreach (var text in texts)
            {
                var expected = ByAutomaton(automaton, text);
                found += expected.Count;
                Assert.Equal(expected, Directly(direct, text));
            }
            Assert.True(found > 0);
        }
    }

    [Fact]
    public void Random_texts_of_keyword_fragments_give_the_automatons_answers()
    {
        var (ascii, other) = BuiltinKeywords();
        var keywords = ascii.Concat(other).ToArray();
        var automaton = new KeywordAutomaton(keywords);
        var direct = new DirectKeywordSearch(keywords);
        var random = new Random(11);
        string[] odd = ["\u212A", "\u0130", "ß", "É", "é", "\u00A0", "\uFFFF", "\0"];
        for (var round = 0; round < 200; round++)
        {
            var parts = Enumerable.Range(0, 30).Select(_ =>
            {
                var k = keywords[random.Next(keywords.Length)].Item1;
                return random.Next(4) switch
                {
                    0 => k,
                    1 => k[..Math.Max(1, k.Length / 2)],
                    2 => odd[random.Next(odd.Length)],
                    _ => new string((char)random.Next(32, 127), random.Next(1, 4)),
                };
            }).Select(p => random.Next(2) == 0 ? p.ToUpperInvariant() : p);
            var text = string.Concat(parts);
            Assert.Equal(ByAutomaton(automaton, text), Directly(direct, text));
        }
    }

    [Fact]
    public void Overlapping_keywords_of_one_value_report_the_longest_once_per_end()
    {
        (string, int[])[] keywords = [("he", [1]), ("she", [1, 0]), ("hers", [2]), ("e", [3])];
        var direct = new DirectKeywordSearch(keywords);
        Assert.Equal([(0, 1, 4), (1, 1, 4), (3, 3, 4), (2, 2, 6)], Directly(direct, "ushers"));
        Assert.Equal(ByAutomaton(new KeywordAutomaton(keywords), "ushers"), Directly(direct, "ushers"));
    }

    [Fact]
    public void A_keyword_holding_the_no_match_mark_is_left_to_the_automaton() =>
        Assert.False(new DirectKeywordSearch([("a\0b", [0])]).Supported);
}
