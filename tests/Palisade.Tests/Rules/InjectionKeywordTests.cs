using Palisade.Bench;
using Palisade.Core.Engine;
using Palisade.Core.Rules;
using Palisade.Core.Scanners;
using Palisade.Core.Text;

namespace Palisade.Tests.Rules;

/// <summary>
/// Injection keywords are distinctive phrases, not common words: ordinary prose and code must not wake phrase rules,
/// and every phrase a rule matches must hold one of its keywords (the rule runs only around them).
/// </summary>
public sealed class InjectionKeywordTests
{
    private static readonly PalisadeEngine Engine = new(RuleExampleTests.AllRulesOn());

    private static IEnumerable<CompiledRule> InjectionRules => Engine.Rules.ForScanner(InjectionScanner.ScannerName);

    /// <summary>On the benchmarks' clean sample no phrase rule wakes today; a little room for rules yet to come.</summary>
    private const int MaxRulesWokenPer10K = 2;

    [Fact]
    public void No_keyword_is_a_fragment_of_ordinary_words()
    {
        // Letters of alphabetic scripts only: in Chinese, Japanese or Korean two characters make a whole word. A lone
        // ASCII character ('[', '#', '`') is in every other line of code.
        static bool Alphabetic(char c) => char.IsLetter(c) && c < '\u2E80';
        var degenerate = InjectionRules.SelectMany(r => r.Definition.Keywords.Select(k => (r.Id, Keyword: k)))
            .Where(x => (x.Keyword.Length < 3 && x.Keyword.All(Alphabetic)) || (x.Keyword.Length == 1 && char.IsAscii(x.Keyword[0])))
            .ToList();
        Assert.True(degenerate.Count == 0, $"too short to be distinctive: {string.Join(", ", degenerate)}");
    }

    public static TheoryData<string, string> MatchExamples()
    {
        var data = new TheoryData<string, string>();
        foreach (var rule in InjectionRules)
            foreach (var example in rule.Definition.MatchExamples) data.Add(rule.Id, example);
        return data;
    }

    [Theory]
    [MemberData(nameof(MatchExamples))]
    public void What_a_rule_matches_in_its_example_holds_one_of_its_keywords(string ruleId, string example)
    {
        var rule = Engine.Rules.Rules.Single(r => r.Id == ruleId);
        var views = new ContentViews(example);
        var read = rule.Definition.View switch
        {
            "raw" => [views.Raw],
            "normalized" => [views.Normalized],
            _ => views.ForInjection().ToList(),
        };
        var matches = read.Select(v => rule.RegexFor(v.Text.Length).Match(v.Text)).Where(m => m.Success).ToList();
        Assert.NotEmpty(matches);
        Assert.All(matches, m => Assert.True(rule.Definition.Keywords.Any(k => m.Value.Contains(k, StringComparison.OrdinalIgnoreCase)),
            $"'{m.Value}' holds none of {ruleId}'s keywords"));
    }

    [Theory]
    [InlineData(1024)]
    [InlineData(10 * 1024)]
    [InlineData(100 * 1024)]
    public void Clean_developer_text_wakes_almost_no_phrase_rule(int size)
    {
        var views = new ContentViews(SampleText.Clean(size));
        var woken = new HashSet<string>();
        foreach (var view in views.ForInjection().Append(views.Raw).Append(views.Normalized))
        {
            foreach (var prefilter in new[] { Engine.Rules.FoldedPrefilter, Engine.Rules.TextPrefilter })
            {
                using var hits = prefilter.Find(view.Text);
                woken.UnionWith(InjectionRules.Where(r => hits.Contains(r.Index)).Select(r => r.Id));
            }
        }
        Assert.True(woken.Count <= MaxRulesWokenPer10K * Math.Max(1, size / (10 * 1024)), $"woken on clean text: {string.Join(", ", woken)}");
    }
}
