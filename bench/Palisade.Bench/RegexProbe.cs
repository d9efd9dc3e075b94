using System.Text.RegularExpressions;
using Palisade.Core.Engine;
using Palisade.Core.Text;

namespace Palisade.Bench;

/// <summary>
/// One rule's regex over the whole clean sample (its folded view for phrase rules), on each regex engine, in thread CPU:
/// <c>regex-probe RULE [bytes]</c>. For deciding whether a rule that clean text wakes is worth sharper keywords.
/// </summary>
public static class RegexProbe
{
    public static int Run(string[] args)
    {
        var engine = PalisadeEngine.CreateDefault();
        var rule = engine.Rules.Rules.Single(r => r.Id == args[1]);
        var size = args.Length > 2 ? int.Parse(args[2]) : 10240;
        var views = new ContentViews(SampleText.Clean(size));
        var text = rule.Definition.View == "folded" ? views.Folded.Text : views.Raw.Text;
        var options = RegexOptions.CultureInvariant | (rule.Definition.IgnoreCase ? RegexOptions.IgnoreCase : 0);
        var variants = new (string, Regex)[]
        {
            ("interpreter", new Regex(rule.Definition.Pattern, options)),
            ("nonbacktracking", new Regex(rule.Definition.Pattern, options | RegexOptions.NonBacktracking)),
            ("compiled", new Regex(rule.Definition.Pattern, options | RegexOptions.Compiled)),
        };
        foreach (var (name, regex) in variants)
        {
            for (var i = 0; i < 200; i++) regex.Match(text);
            var best = long.MaxValue;
            for (var round = 0; round < 10; round++)
            {
                var t0 = ThreadCpu.Nanoseconds();
                for (var i = 0; i < 100; i++) regex.Match(text);
                best = Math.Min(best, (ThreadCpu.Nanoseconds() - t0) / 100);
            }
            Console.WriteLine($"{name,-16} whole {text.Length} chars: {best / 1000.0:F1} µs");
        }
        return 0;
    }
}
