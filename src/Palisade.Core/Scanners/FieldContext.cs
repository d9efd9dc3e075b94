using Palisade.Core.Model;
using Palisade.Core.Redaction;
using Palisade.Core.Rules;
using Palisade.Core.Text;

namespace Palisade.Core.Scanners;

/// <summary>One field of one action as scanners see it: its views, and the prefilter's answer per view (computed once).</summary>
public sealed class FieldContext(AgentAction action, ContentField field, RuleSet rules, EvidenceRedactor redactor, ISet<string> allowedValues, DecodeLimits limits)
{
    private readonly Dictionary<TextView, RuleHits> _hits = new(ReferenceEqualityComparer.Instance);

    public AgentAction Action { get; } = action;
    public ContentField Field { get; } = field;
    public ContentViews Views { get; } = new(field.Text, limits);
    public RuleSet Rules { get; } = rules;
    public EvidenceRedactor Redactor { get; } = redactor;
    public ISet<string> AllowedValues { get; } = allowedValues;

    public RuleHits Hits(TextView view)
    {
        if (!_hits.TryGetValue(view, out var hits)) _hits[view] = hits = Rules.Prefilter.Scan(view.Text);
        return hits;
    }

    /// <summary>Runs every rule of <paramref name="scanner"/> that the prefilter lets through on <paramref name="view"/>.</summary>
    public void Match(string scanner, TextView view, List<RuleMatch> into, Func<CompiledRule, bool>? only = null)
    {
        var rules = Rules.ForScanner(scanner);
        if (rules.Count == 0) return;
        var hits = Hits(view);
        foreach (var rule in rules)
            if (hits.Contains(rule.Index) && (only is null || only(rule))) RuleMatcher.Run(rule, view.Text, AllowedValues, into);
    }

    public FindingLocation Locate(TextView view, int start, int length)
    {
        var (s, l) = view.ToSource(start, length);
        return new FindingLocation(Field.Path, view.Name, s, l);
    }
}
