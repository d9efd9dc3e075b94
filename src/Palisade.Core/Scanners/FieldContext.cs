using Palisade.Core.Model;
using Palisade.Core.Redaction;
using Palisade.Core.Rules;
using Palisade.Core.Text;

namespace Palisade.Core.Scanners;

/// <summary>
/// One field of one action as scanners see it: its views, and the prefilters' answers per view (computed once, on
/// first need). Dispose it to give the prefilters' and the folded views' buffers back.
/// </summary>
public sealed class FieldContext(AgentAction action, ContentField field, RuleSet rules, EvidenceRedactor redactor, ISet<string> allowedValues, DecodeLimits limits)
    : IDisposable
{
    /// <summary>A field has a handful of views and two prefilters: a list beats a dictionary.</summary>
    private readonly List<(TextView View, KeywordPrefilter Prefilter, KeywordHits Hits)> _hits = [];

    public AgentAction Action { get; } = action;
    public ContentField Field { get; } = field;
    public ContentViews Views { get; } = new(field.Text, limits);
    public RuleSet Rules { get; } = rules;
    public EvidenceRedactor Redactor { get; } = redactor;
    public ISet<string> AllowedValues { get; } = allowedValues;

    /// <summary>
    /// Whether placeholder and test values are kept: for content crossing the network boundary
    /// (<see cref="NetworkBoundary"/>), unless <c>egress.placeholder_credentials</c> says ignore.
    /// </summary>
    public Placeholders Placeholders { get; init; } = Placeholders.Drop;

    /// <summary>Runs every rule over whole views, ignoring where keywords are: the reference windowed matching is tested against.</summary>
    internal bool WholeViews { get; init; }

    /// <summary>Where <paramref name="prefilter"/>'s keywords occur in <paramref name="view"/>.</summary>
    public KeywordHits Hits(TextView view, KeywordPrefilter prefilter)
    {
        foreach (var (v, p, h) in _hits)
            if (ReferenceEquals(v, view) && ReferenceEquals(p, prefilter)) return h;
        var hits = prefilter.Find(view.Chars);
        _hits.Add((view, prefilter, hits));
        return hits;
    }

    /// <summary>
    /// Runs every rule of <paramref name="scanner"/> (that <paramref name="only"/> selects) whose keywords occur in
    /// <paramref name="view"/>, each around its keywords only (<see cref="RuleMatcher"/>).
    /// </summary>
    /// <param name="window">The scanner's reach around a keyword, for rules that set no <see cref="RuleDefinition.Window"/>.</param>
    /// <param name="maxMatches">Accepted matches per rule worth finding (a scanner that counts each rule once needs one).</param>
    public void Match(string scanner, TextView view, List<RuleMatch> into, int window, Func<CompiledRule, bool>? only = null, int maxMatches = RuleMatcher.MaxMatchesPerRule)
    {
        var rules = Rules.ForScanner(scanner);
        if (only is null && rules is CompiledRule[] array)
        {
            Match(array, view, into, window, null, maxMatches);
            return;
        }
        KeywordPrefilter? prefilter = null;
        KeywordHits? hits = null;
        foreach (var rule in rules)
        {
            if (only is not null && !only(rule)) continue;
            var p = Rules.PrefilterFor(rule);
            if (!ReferenceEquals(p, prefilter)) hits = Hits(view, prefilter = p);
            if (!hits!.Contains(rule.Index)) continue;
            if (WholeViews) RuleMatcher.Run(rule, view.Text, AllowedValues, into, maxMatches, Placeholders);
            else RuleMatcher.Run(rule, view, hits, rule.Definition.Window ?? window, AllowedValues, into, maxMatches, Placeholders);
        }
    }

    /// <summary>
    /// As <see cref="Match(string, TextView, List{RuleMatch}, int, Func{CompiledRule, bool}?, int)"/> over
    /// <paramref name="rules"/>, skipping those marked in <paramref name="skip"/> (by rule index). No delegate and no
    /// interface enumerator per rule: the loop visits every rule of a scanner for every view, woken or not, and on a
    /// clean field that loop is most of what the scanner does.
    /// </summary>
    internal void Match(CompiledRule[] rules, TextView view, List<RuleMatch> into, int window, bool[]? skip, int maxMatches)
    {
        KeywordPrefilter? prefilter = null;
        KeywordHits? hits = null;
        foreach (var rule in rules)
        {
            if (skip is not null && skip[rule.Index]) continue;
            var p = Rules.PrefilterFor(rule);
            if (!ReferenceEquals(p, prefilter)) hits = Hits(view, prefilter = p);
            if (!hits!.Contains(rule.Index)) continue;
            if (WholeViews) RuleMatcher.Run(rule, view.Text, AllowedValues, into, maxMatches, Placeholders);
            else RuleMatcher.Run(rule, view, hits, rule.Definition.Window ?? window, AllowedValues, into, maxMatches, Placeholders);
        }
    }

    public FindingLocation Locate(TextView view, int start, int length)
    {
        var (s, l) = view.ToSource(start, length);
        return new FindingLocation(Field.Path, view.Name, s, l);
    }

    public void Dispose()
    {
        foreach (var (_, _, hits) in _hits) hits.Dispose();
        _hits.Clear();
        Views.Dispose();
    }
}
