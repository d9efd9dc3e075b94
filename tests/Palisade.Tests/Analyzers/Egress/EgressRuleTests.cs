using System.Text.RegularExpressions;
using Palisade.Core.Analyzers.Egress;
using Palisade.Core.Model;
using Palisade.Core.Rules;

namespace Palisade.Tests.Analyzers.Egress;

/// <summary>The conventions egress rules rely on, checked so a new rule cannot quietly break them.</summary>
public sealed class EgressRuleTests
{
    private static readonly string[] FactKinds = ["scheme", "url", "host", "ip", "embedded-ip", "notation", "parse", "userinfo", "label", "token", "nested", "hex-text", "encoding", "wallet"];

    private static IEnumerable<RuleDefinition> EgressRules => RuleCatalog.Builtin.Where(r => r.Scanner == EgressAnalyzer.ScannerName);

    [Fact]
    public void Every_egress_rule_reads_named_fact_kinds_and_anchors_its_pattern()
    {
        Assert.NotEmpty(EgressRules);
        foreach (var rule in EgressRules)
        {
            Assert.True(rule.Keywords.Count > 0, $"{rule.Id} names no fact kind in keywords");
            foreach (var k in rule.Keywords) Assert.Contains(k.TrimEnd(':'), FactKinds);
            Assert.StartsWith("^", rule.Pattern);
            // Shell-only rules are shown by the commands that carry their URLs.
            Assert.Equal(rule.Category == EgressAnalyzer.ShellLocalNetworkCategory ? "command" : "url", rule.ExampleKind);
        }
    }

    [Fact]
    public void Every_egress_rule_has_an_explicit_action_and_an_egress_id()
    {
        foreach (var rule in EgressRules)
        {
            Assert.NotNull(rule.DefaultAction);
            Assert.StartsWith("egress-", rule.Id);
        }
    }

    [Fact]
    public void A_fact_reports_once_under_its_most_severe_rule()
    {
        var v = EgressTestEngine.Scan("http://localhost/");
        var f = Assert.Single(v.Findings);
        Assert.Equal("egress-loopback", f.RuleId);
        Assert.Equal(Severity.High, f.Severity);
    }

    [Fact]
    public void A_switched_off_rule_does_not_report_and_the_next_one_claims_the_fact()
    {
        var engine = EgressTestEngine.WithConfig("rules:\n  egress-loopback: off\n");
        Assert.Equal(["egress-internal-name"], EgressTestEngine.Scan("http://localhost/", engine).Rules());
    }

    [Fact]
    public void Url_findings_point_at_the_host_in_the_field()
    {
        const string url = "http://user@169.254.169.254:80/latest";
        var f = Assert.Single(EgressTestEngine.Scan(url).Findings, f => f.RuleId == "egress-metadata");
        Assert.Equal("url", f.Location.Field);
        Assert.Equal("169.254.169.254", url.Substring(f.Location.Start, f.Location.Length));
    }
}
