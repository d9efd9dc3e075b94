using System.Text.RegularExpressions;
using Palisade.Core.Engine;
using Palisade.Core.Model;
using Palisade.Core.Rules;

namespace Palisade.Tests.Rules;

/// <summary>
/// Rules start on the timeout-bounded backtracking engine and long-running hosts upgrade them to the linear-time one:
/// both must behave, and neither may run unbounded.
/// </summary>
public sealed class RegexEngineTests
{
    private static readonly Lazy<PalisadeEngine> Upgraded = new(() =>
    {
        var engine = new PalisadeEngine(RuleExampleTests.AllRulesOn());
        engine.WarmUpLinearTimeAsync().GetAwaiter().GetResult();
        return engine;
    });

    [Fact]
    public void A_long_running_engine_moves_only_the_rules_its_traffic_wakes_to_the_linear_time_engine()
    {
        var engine = PalisadeEngine.CreateDefault();
        engine.PrepareForLongRun();
        // Wakes the national-insurance rule (letters, six digits, a letter) without matching it.
        var action = AgentAction.FromText(ActionKind.Message, "Ticket AB 12 34 56 Q was filed against build 7.");
        var woken = engine.Rules.Rules.Single(r => r.Id == "pii-uk-nino");
        for (var i = 0; i < PalisadeEngine.HotRuleRuns + 1; i++) engine.Evaluate(action);

        // The rebuild runs on the thread pool; bounded wait for it.
        Assert.True(SpinWait.SpinUntil(() => woken.IsLinearTime, TimeSpan.FromSeconds(60)), "the woken rule was not rebuilt");
        Assert.True(engine.Rules.Rules.Count(r => r.IsLinearTime) < 20, "only woken rules move (decision 011)");
    }

    [Fact]
    public void A_fresh_engine_runs_every_rule_with_a_match_timeout()
    {
        foreach (var rule in PalisadeEngine.CreateDefault().Rules.Rules)
        {
            Assert.False(rule.IsLinearTime, rule.Id);
            Assert.True(rule.Regex.MatchTimeout > TimeSpan.Zero && rule.Regex.MatchTimeout <= CompiledRule.BacktrackingTimeout, rule.Id);
        }
    }

    [Fact]
    public void Every_rule_upgrades_to_the_linear_time_engine()
    {
        var notLinear = Upgraded.Value.Rules.Rules.Where(r => !r.IsLinearTime).Select(r => r.Id).ToList();
        Assert.True(notLinear.Count == 0, $"rules that need backtracking (lookarounds or backreferences): {string.Join(", ", notLinear)}");
    }

    public static TheoryData<string, string> MatchExamples() => RuleExampleTests.MatchExamples();

    [Theory]
    [MemberData(nameof(MatchExamples))]
    public void The_linear_time_engine_finds_the_same_examples(string ruleId, string example)
    {
        var rule = RuleCatalog.Builtin.Single(r => r.Id == ruleId);
        var compiled = Upgraded.Value.Rules.Rules.Single(r => r.Id == ruleId);
        var views = new Palisade.Core.Text.ContentViews(example);
        var texts = rule.ExampleKind == "text"
            ? (rule.Scanner == "injection" ? views.ForInjection() : views.ForSecrets()).Select(v => v.Text)
            : [example];
        var linear = texts.Any(t => compiled.Regex.IsMatch(t));
        var backtracking = texts.Any(t => new Regex(rule.Pattern, RegexOptions.CultureInvariant | (rule.IgnoreCase ? RegexOptions.IgnoreCase : 0)).IsMatch(t));
        Assert.Equal(backtracking, linear);
    }

    /// <summary>
    /// Inputs shaped to make backtracking explode: long runs of one class, many near-misses, separators between.
    /// Each at the longest length the backtracking engine gets, and far past it (where the linear engine takes over).
    /// </summary>
    public static TheoryData<string, int> AdversarialInputs()
    {
        string[] shapes = ["a", "a ", "ignore ", "1 ", "ab-", "%41", "a=b&", "password=", "you are now ", "\u0041"];
        var data = new TheoryData<string, int>();
        foreach (var shape in shapes)
            foreach (var length in new[] { CompiledRule.BacktrackingMaxInput, 200_000 })
                data.Add(shape, length);
        data.Add("sk-A", 60_000);
        data.Add("-----BEGIN X", 60_000);
        return data;
    }

    private static string Repeat(string shape, int length)
    {
        var sb = new System.Text.StringBuilder(length + shape.Length);
        while (sb.Length < length) sb.Append(shape);
        return sb.ToString(0, length);
    }

    [Theory]
    [MemberData(nameof(AdversarialInputs))]
    public void No_rule_runs_out_of_time_on_adversarial_input(string shape, int length)
    {
        var input = shape is "sk-A" or "-----BEGIN X" ? shape[..^1] + Repeat(shape[^1..], length) : Repeat(shape, length);
        var engine = new PalisadeEngine(RuleExampleTests.AllRulesOn());
        var verdict = engine.Evaluate(AgentAction.FromText(ActionKind.Message, input));
        Assert.DoesNotContain(verdict.Findings, f => f.RuleId == "engine-scan-timeout");
    }
}
