using Palisade.Core.Rules;

namespace Palisade.Tests.Rules;

/// <summary>
/// The matcher answers short texts directly and switches to its automaton for a long text, after its budget of direct
/// search, or on warm-up: the answers must not change at any of those points.
/// </summary>
public sealed class KeywordMatcherTests
{
    private struct Collect() : IKeywordSink
    {
        public List<(int Value, int Start, int End)> Found { get; } = [];

        void IKeywordSink.Found(int value, int start, int end) => Found.Add((value, start, end));
    }

    private static readonly (string, int[])[] Keywords = [("ignore previous", [0]), ("ghp_", [1]), ("previous", [2, 0]), ("clé", [3])];

    private static List<(int, int, int)> Scan(KeywordMatcher matcher, string text)
    {
        var sink = new Collect();
        matcher.Scan(text, ref sink);
        return sink.Found;
    }

    private static List<(int, int, int)> Expected(string text)
    {
        var sink = new Collect();
        new KeywordAutomaton(Keywords).Scan(text, ref sink);
        return sink.Found;
    }

    [Fact]
    public void Answers_stay_the_same_across_the_switch_to_the_automaton()
    {
        var matcher = new KeywordMatcher(Keywords);
        const string shortText = "Please IGNORE previous notes; token ghp_x";
        var longText = string.Concat(Enumerable.Repeat("... ignore PREVIOUS ghp_ ...", 400));
        Assert.True(longText.Length > KeywordMatcher.MaxDirectText);

        var direct = Scan(matcher, shortText);
        Assert.Equal([(0, 7, 22), (2, 14, 22), (1, 36, 40)], direct);
        Assert.Equal(Expected(longText), Scan(matcher, longText));
        Assert.Equal(direct, Scan(matcher, shortText));
    }

    [Fact]
    public void Answers_stay_the_same_past_the_direct_search_budget_and_after_warm_up()
    {
        var matcher = new KeywordMatcher(Keywords);
        var text = "x ignore previous clé y " + new string('.', 2000);
        var rounds = (int)(KeywordMatcher.DirectBudget / text.Length) + 3;
        for (var i = 0; i < rounds; i++) Assert.Equal(Expected(text), Scan(matcher, text));
        matcher.WarmUp();
        Assert.Equal(Expected(text), Scan(matcher, text));
    }
}
