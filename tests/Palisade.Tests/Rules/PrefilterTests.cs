using Palisade.Core.Rules;

namespace Palisade.Tests.Rules;

public sealed class PrefilterTests
{
    private static RuleDefinition Rule(string id, string[] keywords, int minDigits = 0) => new()
    {
        Id = id, Scanner = "secrets", Category = "credential", Pattern = "x", Keywords = keywords, MinDigits = minDigits,
    };

    private static readonly RuleSet Set = new([
        Rule("a", ["ghp_"]),
        Rule("b", ["xoxb-", "xoxp-"]),
        Rule("c", []),
        Rule("d", [], minDigits: 12),
        Rule("e", ["routing"], minDigits: 9),
    ]);

    private static bool[] Hits(string text)
    {
        var hits = Set.Prefilter.Scan(text);
        return Set.Rules.Select(r => hits.Contains(r.Index)).ToArray();
    }

    [Fact]
    public void Clean_text_lets_only_unconditional_rules_through() =>
        Assert.Equal([false, false, true, false, false], Hits("a perfectly ordinary sentence about 3 cats"));

    [Fact]
    public void Keywords_match_case_insensitively_anywhere() =>
        Assert.Equal([true, true, true, false, false], Hits("token GHP_abc and XOXP-1 here"));

    [Fact]
    public void Digit_rules_need_a_long_enough_run_with_separators() =>
        Assert.Equal([false, false, true, true, false], Hits("card 4787 7893-2879 2170"));

    [Fact]
    public void Digit_rule_with_keyword_needs_both()
    {
        Assert.False(Hits("routing 12345")[4]);
        Assert.False(Hits("number 046991021")[4]);
        Assert.True(Hits("routing 046991021")[4]);
    }

    [Theory]
    [InlineData("no digits here", 0)]
    [InlineData("call (555) 123-4567", 10)]
    [InlineData("2024-01-15 and 42", 8)]
    [InlineData("1 2 3", 3)]
    [InlineData("12a34", 2)]
    public void Longest_digit_run(string text, int expected) => Assert.Equal(expected, DigitRuns.Longest(text));
}
