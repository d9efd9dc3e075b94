using Palisade.Core.Engine;
using Palisade.Core.Model;
using Palisade.Core.Policy;
using Palisade.Core.Rules;

namespace Palisade.Tests.Rules;

/// <summary>
/// Every example written in every rule file, run through the production engine (prefilter, views,
/// validators, policy): a <c>match</c> example must produce a finding of that rule, a <c>no_match</c>
/// example must not.
/// </summary>
public sealed class RuleExampleTests
{
    private static readonly PalisadeEngine Engine = new(AllRulesOn());

    /// <summary>Off-by-default rules are switched on so their examples are checked too.</summary>
    internal static PalisadeConfig AllRulesOn() => PalisadeConfig.Default with
    {
        Rules = RuleCatalog.Builtin.Where(r => !r.EnabledByDefault).ToDictionary(r => r.Id, _ => new RuleSetting(true, null)),
    };

    public static TheoryData<string, string> MatchExamples() => Examples(r => r.MatchExamples);
    public static TheoryData<string, string> NoMatchExamples() => Examples(r => r.NoMatchExamples);

    private static TheoryData<string, string> Examples(Func<RuleDefinition, IReadOnlyList<string>> pick)
    {
        var data = new TheoryData<string, string>();
        foreach (var rule in RuleCatalog.Builtin)
            foreach (var example in pick(rule)) data.Add(rule.Id, example);
        return data;
    }

    [Theory]
    [MemberData(nameof(MatchExamples))]
    public void Match_example_is_found_by_its_rule(string ruleId, string example)
    {
        var rule = RuleCatalog.Builtin.Single(r => r.Id == ruleId);
        var verdict = Engine.Evaluate(ScanKind.ToAction(rule.ExampleKind, example));
        if (rule.Scanner == "injection")
        {
            // Injection findings below the audit threshold are dropped by policy; check the raw scan instead.
            Assert.Contains(RawFindings(example), f => f.RuleId == ruleId);
        }
        else Assert.Contains(verdict.Findings, f => f.RuleId == ruleId);
    }

    [Theory]
    [MemberData(nameof(NoMatchExamples))]
    public void No_match_example_is_not_found_by_its_rule(string ruleId, string example)
    {
        var rule = RuleCatalog.Builtin.Single(r => r.Id == ruleId);
        var findings = rule.ExampleKind == "text" ? RawFindings(example) : Engine.Evaluate(ScanKind.ToAction(rule.ExampleKind, example)).Findings.ToList();
        Assert.DoesNotContain(findings, f => f.RuleId == ruleId);
    }

    [Theory]
    [MemberData(nameof(MatchExamples))]
    public void Match_example_passes_the_keyword_prefilter(string ruleId, string example)
    {
        var rule = Engine.Rules.Rules.Single(r => r.Id == ruleId);
        // Analyzer rules run over the analyzer's canonical form, which their own tests cover.
        if (rule.Definition.Keywords.Count == 0 || rule.Definition.ExampleKind != "text") return;
        var views = new Palisade.Core.Text.ContentViews(example);
        var prefilter = Engine.Rules.PrefilterFor(rule);
        var passes = views.ForSecrets().Concat(views.ForInjection()).Any(v => prefilter.Scan(v.Text).Contains(rule.Index));
        Assert.True(passes, $"no keyword of '{ruleId}' ({string.Join(", ", rule.Definition.Keywords)}) occurs in its example");
    }

    [Fact]
    public void Every_rule_has_a_description_and_examples_both_ways()
    {
        foreach (var rule in RuleCatalog.Builtin)
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Description), $"{rule.Id} has no description");
            Assert.True(rule.MatchExamples.Count > 0, $"{rule.Id} has no match example");
            Assert.True(rule.NoMatchExamples.Count > 0, $"{rule.Id} has no no_match example");
        }
    }

    private static List<Finding> RawFindings(string text)
    {
        var findings = new List<Finding>();
        var field = new Palisade.Core.Scanners.FieldContext(AgentAction.FromText(ActionKind.Message, text), new ContentField("content", text),
            Engine.Rules, Engine.Redactor, new HashSet<string>(), Engine.Config.Decode);
        foreach (var scanner in ScannerChain.Create()) scanner.Scan(field, findings);
        return findings;
    }
}
