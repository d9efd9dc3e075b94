using Palisade.Core.Model;
using Palisade.Core.Rules;

namespace Palisade.Core.Analyzers.Egress;

/// <summary>
/// Judges where an HTTP request goes, statically (no DNS: the proxies resolve once, check the address with
/// <see cref="EgressPolicy.IsBlockedAddress"/> and pin it). The URL is parsed the ways different clients parse it,
/// canonicalized into facts (<see cref="UrlFacts"/>), and the <c>egress</c> rules under <c>rules/egress/</c> are matched
/// against those facts. Then the configured host lists apply, URLs carried in the query are judged as redirect targets,
/// and the decoded components go back through the content scanners so a secret that only shows once decoded is caught.
/// </summary>
public sealed class EgressAnalyzer(EgressConfig config, IReadOnlySet<string> allowedValues) : IActionAnalyzer
{
    public const string ScannerName = "egress";

    /// <summary>Reported for a host on <c>egress.deny_hosts</c>; a policy finding, not a rule: its action is the category's (block by default).</summary>
    public const string DenyHostRuleId = "egress-deny-host";
    public const string ExfilChannelRuleId = "egress-exfil-channel";

    /// <summary>Findings of this category do not fire for <c>trusted_hosts</c>.</summary>
    public const string InternalNetworkCategory = "internal-network";

    /// <summary>
    /// Rules of this category apply only to URLs inside shell commands, where the internal-network rules do not: a
    /// coding agent's <c>curl localhost:3000</c> is its own dev server, recorded rather than blocked. Fetch tools,
    /// <c>--kind url</c> and the proxies, which a planted URL can steer, keep blocking the internal range; the
    /// metadata endpoint is blocked everywhere.
    /// </summary>
    public const string ShellLocalNetworkCategory = "shell-local-network";

    /// <summary>Findings of this category do not fire for <c>allow_hosts</c>.</summary>
    public const string ExfiltrationCategory = "exfiltration";

    /// <summary>What a URL carried in the query is judged for: where the redirect would land.</summary>
    private static readonly HashSet<string> NestedCategories = new(StringComparer.Ordinal) { "cloud-metadata", InternalNetworkCategory };

    private readonly HashSet<string> _allowedValues = new(allowedValues, StringComparer.Ordinal);
    private EgressRuleIndex? _index;

    public string Name => ScannerName;

    public bool AppliesTo(AgentAction action) => action.Kind == ActionKind.HttpRequest && !string.IsNullOrWhiteSpace(action.Url);

    public void Analyze(AgentAction action, AnalysisContext context)
    {
        var index = IndexFor(context.Rules);
        var field = context.FieldPath("url");
        ParsedUrl url;
        List<UrlFact> facts;
        bool trusted, allowed;
        try
        {
            url = UrlParser.Parse(action.Url!);
            facts = UrlFacts.Build(url);
            trusted = config.TrustedHosts.Any(t => t.Matches(url.Host, url.EffectivePort));
            allowed = config.AllowHosts.Any(a => a.Matches(url.Host, null));
            AddNestedFacts(url, index, facts);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Fail closed: a URL this analyzer cannot take apart is not one to let through.
            context.Report(PolicyFinding("egress-unparsable", "engine", field, default, "", "the URL could not be analysed"));
            return;
        }

        var reported = new HashSet<string>(StringComparer.Ordinal);
        var matches = new List<RuleMatch>(2);
        var viaShell = action.FoundIn == ActionKind.Command;
        foreach (var fact in facts)
        {
            if (FirstMatch(index, fact, trusted, allowed, null, matches, viaShell) is not { } hit || !reported.Add(hit.Rule.Id)) continue;
            var def = hit.Rule.Definition;
            context.Report(def.FindingAt(ScannerName, Locate(field, fact.Span),
                def.MinEntropy is null ? context.Redactor.Excerpt(hit.Match.Value) : context.Redactor.Mask(hit.Match.Value)));
        }
        ReportConfiguredHosts(url, allowed, index, reported, field, context);
        ReportHexInBody(action, index, allowed, reported, matches, context);

        if (DecodedComponents.Build(url) is { } decoded)
        {
            var view = AgentAction.FromText(ActionKind.Message, decoded, action.Direction, action.Source)
                with { Transport = action.Transport, SessionId = action.SessionId, AgentId = action.AgentId, FoundIn = ActionKind.HttpRequest };
            context.InspectView(view, "url.decoded");
        }
    }

    /// <summary>
    /// A fact reports once, under the most severe rule that matches it and that the host lists leave in force:
    /// <c>trusted_hosts</c> lift internal-network rules, <c>allow_hosts</c> lift exfiltration rules, nothing lifts the rest.
    /// </summary>
    private (CompiledRule Rule, RuleMatch Match)? FirstMatch(EgressRuleIndex index, UrlFact fact, bool trusted, bool allowed, HashSet<string>? categories, List<RuleMatch> matches, bool viaShell = false)
    {
        foreach (var rule in index.For(fact.Kind))
        {
            var category = rule.Definition.Category;
            if (categories is not null && !categories.Contains(category)) continue;
            if (trusted && category == InternalNetworkCategory) continue;
            if (category == (viaShell ? InternalNetworkCategory : ShellLocalNetworkCategory)) continue;
            if (allowed && category == ExfiltrationCategory) continue;
            // IsMatch first: a linear-time regex answers yes/no cheaply; the match with its groups costs more and is rarely needed.
            if (!rule.Regex.IsMatch(fact.Text)) continue;
            matches.Clear();
            RuleMatcher.Run(rule, fact.Text, _allowedValues, matches);
            if (matches.Count > 0) return (rule, matches[0]);
        }
        return null;
    }

    /// <summary>For each URL in the query that lands on an internal or metadata address, a <c>nested:PARAM=RULE</c> fact.</summary>
    private void AddNestedFacts(ParsedUrl url, EgressRuleIndex index, List<UrlFact> facts)
    {
        var matches = new List<RuleMatch>(2);
        foreach (var (param, target) in NestedUrls.Find(url))
        {
            var inner = UrlParser.Parse(target);
            var innerTrusted = config.TrustedHosts.Any(t => t.Matches(inner.Host, inner.EffectivePort));
            foreach (var fact in UrlFacts.Build(inner))
            {
                if (FirstMatch(index, fact, innerTrusted, allowed: false, NestedCategories, matches) is not { } hit) continue;
                facts.Add(new UrlFact($"nested:{param}={hit.Rule.Id}", url.QuerySpan));
                break;
            }
        }
    }

    /// <summary>
    /// A request body's hex runs that spell an encoded-looking token, as <c>hex-text:body:TOKEN</c> facts: the same
    /// rules as for a URL's path and query (<see cref="HexText"/>), so a key wrapped in hex in an upload is seen.
    /// </summary>
    private void ReportHexInBody(AgentAction action, EgressRuleIndex index, bool allowed, HashSet<string> reported, List<RuleMatch> matches, AnalysisContext context)
    {
        foreach (var body in action.Fields)
        {
            if (!body.Path.StartsWith("body", StringComparison.Ordinal) || body.Text.Length < HexText.MinHexChars) continue;
            foreach (var token in HexText.EncodedTokens(body.Text))
            {
                var fact = new UrlFact($"hex-text:body:{token}", default);
                if (FirstMatch(index, fact, trusted: false, allowed, null, matches) is not { } hit || !reported.Add(hit.Rule.Id)) continue;
                var def = hit.Rule.Definition;
                context.Report(def.FindingAt(ScannerName, new FindingLocation(context.FieldPath(body.Path), "hex-decoded", 0, body.Text.Length),
                    context.Redactor.Mask(hit.Match.Value)));
            }
        }
    }

    private void ReportConfiguredHosts(ParsedUrl url, bool allowed, EgressRuleIndex index, HashSet<string> reported, string field, AnalysisContext context)
    {
        if (config.DenyHosts.Count > 0 && config.DenyHosts.FirstOrDefault(d => d.Matches(url.Host, null) || url.AlternateHosts.Any(h => d.Matches(h, null))) is { } denied)
            context.Report(PolicyFinding(DenyHostRuleId, "egress-policy", field, url.HostSpan, denied.ToString(),
                $"The host is on the configured deny list (egress.deny_hosts: {denied})", context));
        if (allowed || reported.Contains(ExfilChannelRuleId) || index.Find(ExfilChannelRuleId) is not { } exfil) return;
        if (config.ExfilHostsExtra.FirstOrDefault(x => x.Matches(url.Host, null)) is { } extra)
        {
            reported.Add(ExfilChannelRuleId);
            context.Report(exfil.Definition.FindingAt(ScannerName, Locate(field, url.HostSpan), context.Redactor.Excerpt(extra.ToString()))
                with { Description = $"{exfil.Definition.Description} (egress.exfil_hosts_extra: {extra})" });
        }
    }

    private static Finding PolicyFinding(string id, string category, string field, UrlSpan span, string evidence, string description, AnalysisContext? context = null) => new()
    {
        RuleId = id,
        Scanner = ScannerName,
        Category = category,
        Severity = Severity.High,
        Location = Locate(field, span),
        Evidence = context is null ? "" : context.Redactor.Excerpt(evidence),
        Description = description,
    };

    private static FindingLocation Locate(string field, UrlSpan span) => new(field, "canonical", span.Start, span.Length);

    /// <summary>The index for the engine's current rule set, built once and swapped whole (a benign race builds it twice).</summary>
    private EgressRuleIndex IndexFor(RuleSet rules)
    {
        var index = _index;
        if (index is null || !ReferenceEquals(index.Rules, rules)) _index = index = new EgressRuleIndex(rules);
        return index;
    }
}
