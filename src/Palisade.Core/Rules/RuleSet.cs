namespace Palisade.Core.Rules;

/// <summary>The compiled, enabled rules of one policy load, with their keyword prefilters.</summary>
/// <remarks>
/// Every rule's keywords go into exactly one prefilter for content, chosen by the text the rule reads, so each view of a
/// field is scanned once, for the keywords of the rules that will run on it and no others:
/// <list type="number">
/// <item><see cref="TextPrefilter"/>: rules that read text as sent — secrets and PII over raw, normalized and decoded
/// views, and the injection rules that ask for raw or normalized text;</item>
/// <item><see cref="FoldedPrefilter"/>: injection phrase rules, over folded views.</item>
/// </list>
/// Analyzer rules (paths, URLs, commands) are in neither: content scanners never run them. Analyzers read short
/// structured strings with <see cref="Prefilter"/>, built on first use from the rules in neither (every rule, for a set
/// made without content scanners): a third automaton over all 533 built-in rules' keywords cost a hook ~20 ms to build.
/// </remarks>
public sealed class RuleSet
{
    public IReadOnlyList<CompiledRule> Rules { get; }

    /// <summary>
    /// The keywords of the rules that no content prefilter holds (analyzer rules), for analyzers; built on first use (a
    /// process that scans no path or command never builds it). It answers only for those rules.
    /// </summary>
    public KeywordPrefilter Prefilter => _all.Value;

    /// <summary>Content rules that read text as sent: secrets, PII, and injection rules with <c>view: raw</c> or <c>normalized</c>.</summary>
    public KeywordPrefilter TextPrefilter { get; }

    /// <summary>Content rules that read folded text: injection phrase rules.</summary>
    public KeywordPrefilter FoldedPrefilter { get; }

    private readonly Lazy<KeywordPrefilter> _all;
    private readonly KeywordPrefilter?[] _prefilterOf;
    private readonly Dictionary<string, CompiledRule[]> _byScanner;

    /// <param name="definitions">The enabled rules.</param>
    /// <param name="contentScanners">
    /// Names of the scanners that read content (<see cref="Engine.ScannerChain.Create"/>); their rules are prefiltered per
    /// view. Null: every rule may be run over content.
    /// </param>
    public RuleSet(IEnumerable<RuleDefinition> definitions, IEnumerable<string>? contentScanners = null)
    {
        // Built-in rules are proven to compile by the tests, so they build their regexes on first use; config's own rules
        // build at once, so a bad pattern is reported when the config loads.
        Rules = definitions.Select((d, i) => CompiledRule.Compile(d, i, lazy: RuleCatalog.IsBuiltin(d))).ToArray();
        var content = contentScanners?.ToHashSet(StringComparer.Ordinal);
        var contentRules = Rules.Where(r => content?.Contains(r.Definition.Scanner) ?? true).ToArray();
        TextPrefilter = new KeywordPrefilter(contentRules.Where(r => !ReadsFoldedText(r.Definition)).ToArray());
        FoldedPrefilter = new KeywordPrefilter(contentRules.Where(r => ReadsFoldedText(r.Definition)).ToArray());
        _prefilterOf = new KeywordPrefilter?[Rules.Count];
        foreach (var r in TextPrefilter.Rules) _prefilterOf[r.Index] = TextPrefilter;
        foreach (var r in FoldedPrefilter.Rules) _prefilterOf[r.Index] = FoldedPrefilter;
        var analyzerRules = Rules.Where(r => _prefilterOf[r.Index] is null).ToArray();
        _all = new Lazy<KeywordPrefilter>(() => new KeywordPrefilter(analyzerRules.Length == 0 ? Rules : analyzerRules));
        _byScanner = Rules.GroupBy(r => r.Definition.Scanner).ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>
    /// Phrase rules (the injection scanner's) read folded views unless they ask for raw or normalized text; every other
    /// content rule reads text as sent.
    /// </summary>
    private static bool ReadsFoldedText(RuleDefinition d) => d.Scanner == Scanners.InjectionScanner.ScannerName && d.View == "folded";

    /// <summary>The prefilter that holds <paramref name="rule"/>'s keywords for content views (<see cref="Prefilter"/> for analyzer rules).</summary>
    public KeywordPrefilter PrefilterFor(CompiledRule rule) => _prefilterOf[rule.Index] ?? Prefilter;

    public IReadOnlyList<CompiledRule> ForScanner(string scanner) => _byScanner.GetValueOrDefault(scanner) ?? [];

    /// <summary>The rules of <paramref name="scanner"/> that read <paramref name="view"/> (<see cref="RuleDefinition.View"/>), in index order; built on first ask.</summary>
    /// <remarks>
    /// A handful of entries searched in order: no dictionary keyed by a value tuple, whose generic code a ReadyToRun
    /// hook process would have to jit (docs/decisions/013-engine-cold-start.md). Two threads adding at once may each
    /// build a list and one be dropped; the next call builds it again, with the same result.
    /// </remarks>
    internal CompiledRule[] ForScanner(string scanner, string view)
    {
        var known = Volatile.Read(ref _byView);
        foreach (var entry in known)
            if (entry.Scanner == scanner && entry.View == view) return entry.Rules;
        var rules = ForScanner(scanner).Where(r => r.Definition.View == view).ToArray();
        Volatile.Write(ref _byView, [.. known, new ViewRules(scanner, view, rules)]);
        return rules;
    }

    private sealed record ViewRules(string Scanner, string View, CompiledRule[] Rules);

    private ViewRules[] _byView = [];

    /// <summary>
    /// Upgrades every rule to the linear-time engine, one at a time, until done or cancelled, after building the prefilter
    /// parts a one-shot process builds only on need. Returns how many rules upgraded.
    /// </summary>
    /// <summary>Each rule moves to the linear-time engine, in the background, once it has run <paramref name="runs"/> times.</summary>
    public void UpgradeWhenHot(int runs)
    {
        foreach (var rule in Rules) rule.UpgradeWhenHot(runs);
    }

    /// <summary>Builds the keyword automata now, for hosts off the request path; one-shot processes build them on need.</summary>
    public void WarmUpPrefilters()
    {
        TextPrefilter.WarmUp();
        FoldedPrefilter.WarmUp();
        Prefilter.WarmUp();
    }

    public int UpgradeToLinearTime(CancellationToken cancel = default)
    {
        WarmUpPrefilters();
        var upgraded = 0;
        foreach (var rule in Rules)
        {
            if (cancel.IsCancellationRequested) break;
            if (rule.UpgradeToLinearTime()) upgraded++;
        }
        return upgraded;
    }
}
