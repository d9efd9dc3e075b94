using Palisade.Core.Rules;

namespace Palisade.Tests.Rules;

public sealed class RuleMatcherTests
{
    [Fact]
    public void Rejected_decoys_do_not_use_up_the_match_cap()
    {
        // A placeholder the rule's allow list rejects, repeated past the per-rule cap, then a real-looking token.
        var rule = CompiledRule.Compile(RuleCatalog.Builtin.Single(r => r.Id == "github-pat"), 0);
        var decoys = string.Join(" ", Enumerable.Repeat("ghp_" + new string('x', 36), RuleMatcher.MaxMatchesPerRule + 8));
        var text = decoys + " ghp_Q7vT2mZ8kLw4Rb9Nc3Xd6Yf1Hg5Jh0Kp2Ls8";
        var found = new List<RuleMatch>();
        RuleMatcher.Run(rule, text, new HashSet<string>(), found);
        Assert.Single(found);
        Assert.StartsWith("ghp_Q7vT", found[0].Value);
    }

    [Fact]
    public void Accepted_matches_are_capped()
    {
        var rule = CompiledRule.Compile(RuleCatalog.Builtin.Single(r => r.Id == "github-pat"), 0);
        var tokens = Enumerable.Range(0, RuleMatcher.MaxMatchesPerRule + 5).Select(i => $"ghp_Q7vT2mZ8kLw4Rb9Nc3Xd6Yf1Hg5Jh0Kp{i:D4}");
        var found = new List<RuleMatch>();
        RuleMatcher.Run(rule, string.Join(" ", tokens), new HashSet<string>(), found);
        Assert.Equal(RuleMatcher.MaxMatchesPerRule, found.Count);
    }
}
