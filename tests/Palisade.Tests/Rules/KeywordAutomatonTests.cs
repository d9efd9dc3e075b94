using Palisade.Core.Rules;

namespace Palisade.Tests.Rules;

/// <summary>The automaton's occurrences, positions included, against a naive search: texts long enough to be split into segments.</summary>
public sealed class KeywordAutomatonTests
{
    private struct Collect() : IKeywordSink
    {
        public List<(int Value, int Start, int End)> Found { get; } = [];

        void IKeywordSink.Found(int value, int start, int end) => Found.Add((value, start, end));
    }

    private static List<(int, int, int)> Scan(KeywordAutomaton automaton, string text)
    {
        var sink = new Collect();
        automaton.Scan(text, ref sink);
        return sink.Found;
    }

    /// <summary>Per value and end position, the longest of the value's keywords that ends there.</summary>
    private static HashSet<(int, int, int)> Naive((string Keyword, int[] Values)[] keywords, string text)
    {
        var longest = new Dictionary<(int Value, int End), int>();
        foreach (var (keyword, values) in keywords)
            for (var i = text.IndexOf(keyword, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(keyword, i + 1, StringComparison.OrdinalIgnoreCase))
                foreach (var v in values)
                    longest[(v, i + keyword.Length)] = Math.Max(keyword.Length, longest.GetValueOrDefault((v, i + keyword.Length)));
        return longest.Select(kv => (kv.Key.Value, kv.Key.End - kv.Value, kv.Key.End)).ToHashSet();
    }

    [Fact]
    public void Occurrences_and_positions_match_a_naive_search_across_segment_boundaries()
    {
        var random = new Random(7);
        var words = RuleCatalog.Builtin.SelectMany(r => r.Keywords).Where(KeywordAutomaton.IsAscii).Distinct(StringComparer.OrdinalIgnoreCase).Take(400).ToArray();
        var keywords = words.Select((k, i) => (k, new[] { i % 50, 50 + i % 7 })).ToArray();
        var automaton = new KeywordAutomaton(keywords);
        for (var round = 0; round < 40; round++)
        {
            // Long enough for four segments; keywords and their fragments land on every boundary sooner or later.
            var text = new System.Text.StringBuilder();
            while (text.Length < 3000 + round * 500)
            {
                var k = words[random.Next(words.Length)];
                text.Append(random.Next(3) switch
                {
                    0 => k,
                    1 => k[..Math.Max(1, k.Length / 2)],
                    _ => new string((char)random.Next(32, 127), random.Next(1, 6)),
                });
            }
            var s = random.Next(2) == 0 ? text.ToString().ToUpperInvariant() : text.ToString();
            var found = Scan(automaton, s);
            Assert.Equal(Naive(keywords, s), found.ToHashSet());
            Assert.Equal(found.Count, found.Distinct().Count());
        }
    }

    [Fact]
    public void Occurrences_of_one_value_come_in_order_of_where_they_end()
    {
        var automaton = new KeywordAutomaton([("abc", [0]), ("xyz", [0])]);
        var text = string.Concat(Enumerable.Repeat("..abc....xyz.", 1000));
        var ends = Scan(automaton, text).Select(f => f.Item3).ToList();
        Assert.Equal(2000, ends.Count);
        Assert.Equal(ends.Order(), ends);
    }

    [Fact]
    public void Non_ascii_keywords_match_case_insensitively_and_only_non_ascii_text()
    {
        var automaton = new KeywordAutomaton([("clé", [0]), ("игнорир", [1])]);
        Assert.Equal([(0, 2, 5), (1, 6, 13)], Scan(automaton, "a CLÉ ИГНОРИРуй"));
        // The Kelvin sign lower-cases to an ASCII 'k' but stays apart from ASCII keywords, as it always has.
        Assert.Empty(Scan(new KeywordAutomaton([("key", [0])]), "\u212Aey"));
    }
}
