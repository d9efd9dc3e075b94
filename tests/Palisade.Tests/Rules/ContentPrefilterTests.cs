using Palisade.Core.Engine;
using Palisade.Core.Rules;

namespace Palisade.Tests.Rules;

/// <summary>Content views are prefiltered for the content scanners' rules only, each rule in the one prefilter of the text it reads.</summary>
public sealed class ContentPrefilterTests
{
    private static readonly PalisadeEngine Engine = new(RuleExampleTests.AllRulesOn());

    [Fact]
    public void Content_prefilters_hold_exactly_the_content_scanners_rules()
    {
        var content = ScannerChain.Create().Select(s => s.Name).ToHashSet();
        var text = Engine.Rules.TextPrefilter.Rules;
        var folded = Engine.Rules.FoldedPrefilter.Rules;
        Assert.Empty(text.Intersect(folded));
        Assert.Equal(Engine.Rules.Rules.Where(r => content.Contains(r.Definition.Scanner)).Select(r => r.Id).Order(),
            text.Concat(folded).Select(r => r.Id).Order());
        Assert.All(folded, r => Assert.Equal(("injection", "folded"), (r.Definition.Scanner, r.Definition.View)));
    }

    [Fact]
    public void Analyzer_rules_do_not_wake_on_content()
    {
        // "/etc/passwd" and "~/.ssh" are path rule keywords: a path analyzer matter, never a content scan's.
        const string text = "See /etc/passwd and ~/.ssh/config for details; the egress rules name host: and ip: facts.";
        foreach (var prefilter in new[] { Engine.Rules.TextPrefilter, Engine.Rules.FoldedPrefilter })
        {
            using var hits = prefilter.Find(text);
            Assert.DoesNotContain(Engine.Rules.Rules, r => hits.Contains(r.Index) && r.Definition.Scanner is "path" or "egress");
        }
        Assert.Contains(Engine.Rules.Rules, r => Engine.Rules.Prefilter.Scan(text).Contains(r.Index) && r.Definition.Scanner == "path");
    }
}
