using System.Text.RegularExpressions;
using Palisade.Core.Analyzers;
using Palisade.Core.Analyzers.Egress;
using Palisade.Core.Model;
using Palisade.Core.Policy;
using Palisade.Core.Policy.Paranoid;
using Palisade.Core.Redaction;
using Palisade.Core.Rules;
using Palisade.Core.Scanners;

namespace Palisade.Core.Engine;

/// <summary>
/// The one engine every surface asks. Immutable once built (rules compiled, policy resolved); build a new one to reload.
/// Thread-safe: <see cref="Evaluate"/> keeps no state between calls.
/// </summary>
public sealed class PalisadeEngine
{
    public PalisadeConfig Config { get; }
    public RuleSet Rules { get; }
    public PolicyEvaluator Policy { get; }
    public EvidenceRedactor Redactor { get; }
    private readonly IReadOnlyList<IContentScanner> _scanners;
    private readonly IReadOnlyList<IActionAnalyzer> _analyzers;
    private readonly HashSet<string> _allowedValues;

    /// <summary>Paranoid mode's allow-lists; null in every other mode, so they cost nothing there.</summary>
    private readonly ParanoidGate? _paranoid;
    private readonly AnalysisServices _services;

    public PalisadeEngine(PalisadeConfig config, EvidenceRedactor? redactor = null)
        : this(config, redactor ?? EvidenceRedactor.Ephemeral(), EnabledRules(config).ToList(), rules: null)
    {
    }

    private PalisadeEngine(PalisadeConfig config, EvidenceRedactor redactor, List<RuleDefinition> definitions, RuleSet? rules)
    {
        Config = config;
        Redactor = redactor;
        _scanners = ScannerChain.Create();
        Rules = rules ?? new RuleSet(definitions, _scanners.Select(s => s.Name));
        Policy = new PolicyEvaluator(config, definitions);
        _analyzers = ScannerChain.CreateAnalyzers(config);
        _allowedValues = new HashSet<string>(config.AllowValues, StringComparer.Ordinal);
        _paranoid = config.Mode == PolicyMode.Paranoid ? new ParanoidGate(config, redactor) : null;
        _services = new AnalysisServices(Rules, redactor, _paranoid);
    }

    /// <summary>
    /// An engine that judges with <paramref name="config"/> over this engine's compiled rules and redactor: for a surface
    /// whose policy differs only in thresholds or actions (the gateway's prompts). Sharing the rules shares what a
    /// long-running host builds once — regexes, keyword automata, rules moved to the linear-time engine — instead of a
    /// second copy that never warms up. <paramref name="config"/> must enable exactly the same rules.
    /// </summary>
    public PalisadeEngine WithPolicy(PalisadeConfig config)
    {
        var definitions = EnabledRules(config).ToList();
        if (!definitions.Select(d => d.Id).SequenceEqual(Rules.Rules.Select(r => r.Id)))
            throw new ArgumentException("the configuration enables other rules than this engine's; build a new engine for it.", nameof(config));
        return new PalisadeEngine(config, Redactor, definitions, Rules);
    }

    public static PalisadeEngine CreateDefault() => new(PalisadeConfig.Default);

    /// <summary>Runs after which a rule moves to the linear-time engine in a long-running process (decision 011).</summary>
    public const int HotRuleRuns = 64;

    /// <summary>
    /// For processes that judge many actions (the gateway, the MCP wrapper, the hook helper, batch scans): rules move to
    /// the linear-time engine one by one once traffic has woken them <see cref="HotRuleRuns"/> times (not all at once:
    /// that would hold ~930 MB, docs/decisions/011-lazy-linear-time.md), and the keyword automata are built now on a
    /// background thread instead of by a request. One-shot processes (a hook, a single scan) skip it.
    /// </summary>
    public void PrepareForLongRun()
    {
        Rules.UpgradeWhenHot(HotRuleRuns);
        _ = Task.Run(Rules.WarmUpPrefilters);
    }

    /// <summary>
    /// For long-running hosts: moves every rule to the linear-time regex engine on a background thread while
    /// requests keep being served by the timeout-bounded one. One-shot processes (scan, hooks) skip it.
    /// </summary>
    public Task WarmUpLinearTimeAsync(CancellationToken cancel = default) =>
        Task.Factory.StartNew(() => Rules.UpgradeToLinearTime(cancel), cancel, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Built-in rules that are on (by default or by config), then the config's own rules.</summary>
    public static IEnumerable<RuleDefinition> EnabledRules(PalisadeConfig config) =>
        RuleCatalog.Builtin.Concat(config.CustomRules)
            .Where(r => r.Core || (config.Rules.GetValueOrDefault(r.Id)?.Enabled ?? (r.EnabledByDefault || config.Rules.GetValueOrDefault(r.Id)?.Action is not null)));

    public Verdict Evaluate(AgentAction action)
    {
        var findings = new List<Finding>();
        Inspect(action, findings, "", 0);
        return Policy.Decide(findings);
    }

    /// <summary>
    /// Content scanners over the action's fields, then analyzers over its structure; analyzers may inspect inner actions.
    /// Inner actions carry their own working directory (the analyzers pass it on), or none where the line lost its place
    /// (<c>cd "$d"</c>): then a relative path is judged as written, by the path rules and by paranoid mode alike.
    /// </summary>
    private void Inspect(AgentAction action, List<Finding> findings, string prefix, int depth)
    {
        if (depth > AnalysisContext.MaxDepth)
        {
            findings.Add(EngineFinding("engine-nesting-depth", prefix, $"nesting deeper than {AnalysisContext.MaxDepth} levels was not analysed"));
            return;
        }
        // The action's own target (tool name, path, URL host); the programs of a command come from the command analyzer.
        _paranoid?.Check(action, prefix, findings);
        foreach (var field in action.Fields)
        {
            if (field.Text.Length == 0) continue;
            var path = prefix.Length == 0 ? field.Path : $"{prefix}.{field.Path}";
            if (field.Text.Length > Config.MaxFieldChars)
            {
                findings.Add(EngineFinding("engine-oversized", path, $"field over the {Config.MaxFieldChars}-character limit (limits.max_field_chars) was not scanned"));
                continue;
            }
            using var ctx = new FieldContext(action, field with { Path = path }, Rules, Redactor, _allowedValues, Config.Decode)
            {
                Placeholders = Config.Egress.PlaceholderCredentials == PlaceholderCredentials.Report && NetworkBoundary.Carries(action)
                    ? Placeholders.Keep : Placeholders.Drop,
            };
            foreach (var scanner in _scanners)
            {
                if (scanner.AppliesTo(action))
                    Guarded(findings, path, scanner.Name, "scanner", (scanner, ctx, findings), static s => s.scanner.Scan(s.ctx, s.findings));
            }
            // Padding a field with decoy encodings must not push the real payload past what was decoded.
            if (ctx.Views.DecodeLimitReached)
                findings.Add(EngineFinding("engine-decode-limit", path, "the decoding budget ran out before every encoded segment was decoded"));
        }
        if (_analyzers.Count == 0) return;
        var context = new AnalysisContext(_services, findings, prefix, depth, Recurse(findings));
        foreach (var analyzer in _analyzers)
        {
            if (analyzer.AppliesTo(action))
                Guarded(findings, prefix, analyzer.Name, "analyzer", (analyzer, action, context), static s => s.analyzer.Analyze(s.action, s.context));
        }
    }

    private Action<AgentAction, string, int> Recurse(List<Finding> findings) => (inner, p, d) => Inspect(inner, findings, p, d);

    /// <summary>
    /// Runs one scanner or analyzer. One that runs out of time or fails has not looked: in enforce that must stop the
    /// action, never wave it through, so the failure becomes a finding that blocks.
    /// </summary>
    private static void Guarded<TState>(List<Finding> findings, string field, string name, string role, TState state, Action<TState> run)
    {
        try
        {
            run(state);
        }
        catch (RegexMatchTimeoutException)
        {
            findings.Add(EngineFinding("engine-scan-timeout", field, $"the {name} {role} ran out of time"));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            findings.Add(EngineFinding("engine-error", field, $"the {name} {role} failed ({e.GetType().Name})"));
        }
    }

    /// <summary>A finding about the engine's own inability to judge: in enforce it blocks (fail closed).</summary>
    private static Finding EngineFinding(string rule, string field, string description) => new()
    {
        RuleId = rule,
        Scanner = "engine",
        Category = "engine",
        Severity = Severity.High,
        Location = new FindingLocation(field, "raw", 0, 0),
        Evidence = "",
        Description = description,
    };
}
