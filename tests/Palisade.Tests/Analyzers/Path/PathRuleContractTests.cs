using Palisade.Core.Analyzers.Paths;
using Palisade.Core.Engine;
using Palisade.Core.Model;
using Palisade.Core.Rules;

namespace Palisade.Tests.Analyzers.Paths;

/// <summary>The path rules' categories are read by other analyzers and adapters: they are a contract, checked here.</summary>
public sealed class PathRuleContractTests
{
    /// <summary>Every category a path rule may have. Adding one is a contract change: update docs/path-analyzer.md too.</summary>
    public static readonly string[] Categories =
    [
        "credential-store", "browser-data", "password-store", "crypto-wallet", "os-secret", "ai-client-config", "shell-history",
        "shell-config", "dotenv", "persistence", "system-file", "temp-execution", "path-traversal", "personal-messages",
    ];

    private static IEnumerable<RuleDefinition> PathRules => RuleCatalog.Builtin.Where(r => r.Scanner == PathAnalyzer.AnalyzerName);

    [Fact]
    public void Every_path_rule_has_a_known_category_and_an_explicit_action()
    {
        Assert.NotEmpty(PathRules);
        foreach (var rule in PathRules)
        {
            Assert.Contains(rule.Category, Categories);
            Assert.True(rule.DefaultAction is not null, $"{rule.Id} has no action: an unknown category would default to block");
            Assert.Equal("path", rule.ExampleKind);
            Assert.StartsWith("path-", rule.Id);
        }
        foreach (var category in Categories) Assert.Contains(PathRules, r => r.Category == category);
    }

    [Fact]
    public void Only_credential_stores_say_credential_and_secret_bearing_classes_are_tagged()
    {
        Assert.All(PathRules.Where(r => r.Category.Contains("credential")), r => Assert.Equal("credential-store", r.Category));
        var secretBearing = new[] { "credential-store", "browser-data", "password-store", "crypto-wallet", "os-secret", "shell-history", "shell-config", "dotenv" };
        Assert.All(PathRules.Where(r => secretBearing.Contains(r.Category)), r => Assert.Contains("secret-bearing", r.Tags));
    }

    /// <summary>Rules are matched against the lower-cased path, so a pattern with an upper-case literal could never match.</summary>
    [Fact]
    public void Match_examples_still_match_in_upper_case()
    {
        var engine = PalisadeEngine.CreateDefault();
        foreach (var rule in PathRules)
            foreach (var example in rule.MatchExamples)
                Assert.True(engine.Evaluate(ScanKind.ToAction("path", example.ToUpperInvariant())).Findings.Any(f => f.RuleId == rule.Id),
                    $"{rule.Id} does not match '{example.ToUpperInvariant()}'");
    }

    [Fact]
    public void Analyzer_reports_nothing_for_other_kinds_of_action()
    {
        var analyzer = new PathAnalyzer();
        Assert.False(analyzer.AppliesTo(AgentAction.FromText(ActionKind.Command, "cat ~/.ssh/id_rsa")));
        Assert.False(analyzer.AppliesTo(AgentAction.FromText(ActionKind.FileAccess, "x")));
        Assert.True(analyzer.AppliesTo(ScanKind.ToAction("path", "x")));
    }
}
