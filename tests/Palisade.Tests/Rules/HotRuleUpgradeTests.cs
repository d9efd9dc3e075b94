using Palisade.Core.Rules;

namespace Palisade.Tests.Rules;

public sealed class HotRuleUpgradeTests
{
    [Fact]
    public void A_rule_run_often_enough_moves_to_the_linear_time_engine_and_a_cold_one_does_not()
    {
        var set = new RuleSet(RuleCatalog.Builtin.Where(r => r.Id is "github-pat" or "aws-access-key-id"));
        var hot = set.Rules.Single(r => r.Id == "github-pat");
        var cold = set.Rules.Single(r => r.Id == "aws-access-key-id");
        set.UpgradeWhenHot(3);
        for (var i = 0; i < 3; i++) _ = hot.RegexFor(100);
        _ = cold.RegexFor(100);

        // The rebuild runs on the thread pool: wait for it, bounded.
        Assert.True(SpinWait.SpinUntil(() => hot.IsLinearTime, TimeSpan.FromSeconds(10)));
        Assert.False(cold.IsLinearTime);
    }
}
