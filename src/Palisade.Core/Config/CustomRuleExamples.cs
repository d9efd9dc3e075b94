using Palisade.Core.Engine;
using Palisade.Core.Model;
using Palisade.Core.Policy;

namespace Palisade.Core.Config;

/// <summary>
/// Runs the <c>examples.match</c> and <c>examples.no_match</c> of the configuration's own rules through the engine, as
/// the built-in rules' examples are run by the test suite: <c>palisade config validate</c> reports any that fail.
/// Not done on every load: it builds a second engine, and examples are tests, not validation.
/// </summary>
public static class CustomRuleExamples
{
    /// <summary>One line per failing example, naming the rule, where it is defined and the example.</summary>
    public static IReadOnlyList<string> Failures(PalisadeConfig config)
    {
        if (config.CustomRules.Count == 0) return [];
        // Each custom rule on, with an action of its own: decided alone (injection rules leave the score), so a finding
        // of it is in the verdict whatever its weight or the thresholds.
        var rules = new Dictionary<string, RuleSetting>(config.Rules, StringComparer.Ordinal);
        foreach (var rule in config.CustomRules) rules[rule.Id] = new RuleSetting(true, Decision.Block);
        var engine = new PalisadeEngine(config with { Mode = PolicyMode.Enforce, Rules = rules });
        var failures = new List<string>();
        foreach (var rule in config.CustomRules)
        {
            bool Found(string example) =>
                engine.Evaluate(ScanKind.ToAction(rule.ExampleKind, example)).Findings.Any(f => f.RuleId == rule.Id);
            foreach (var example in rule.MatchExamples.Where(e => !Found(e)))
                failures.Add($"{rule.Origin}: custom rule '{rule.Id}': the examples.match '{Shorten(example)}' is not found by the rule.");
            foreach (var example in rule.NoMatchExamples.Where(Found))
                failures.Add($"{rule.Origin}: custom rule '{rule.Id}': the examples.no_match '{Shorten(example)}' is found by the rule.");
        }
        return failures;
    }

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
