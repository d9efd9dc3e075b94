using Palisade.Core.Model;
using Palisade.Core.Policy.Paranoid;
using Palisade.Core.Rules;
using Palisade.Core.Scanners;

namespace Palisade.Core.Policy;

/// <summary>
/// Turns findings into a verdict. Precedence for a rule's action: the config's setting for the rule, then the
/// rule's own default, then the config's action for its category. Core rules never go below their default.
/// Injection findings are scored per field and compared with the thresholds, except those of a rule the config gives
/// an action of its own (<c>rules: {inj-x: audit}</c>), which are decided one by one like any other. Then the mode applies.
/// </summary>
public sealed class PolicyEvaluator
{
    private readonly PalisadeConfig _config;
    private readonly Dictionary<string, RuleDefinition> _rules;

    public PolicyEvaluator(PalisadeConfig config, IEnumerable<RuleDefinition> rules)
    {
        _config = config;
        _rules = rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    public Decision ActionFor(RuleDefinition rule)
    {
        var categoryAction = _config.CategoryActions.TryGetValue(rule.Category, out var c) ? c
            : PalisadeConfig.DefaultCategoryActions.GetValueOrDefault(rule.Category, Decision.Block);
        var configured = _config.Rules.GetValueOrDefault(rule.Id)?.Action;
        var action = configured ?? rule.DefaultAction ?? categoryAction;
        if (rule.Core) action = action.Max(rule.DefaultAction ?? PalisadeConfig.DefaultCategoryActions.GetValueOrDefault(rule.Category, Decision.Block));
        return action;
    }

    public Verdict Decide(IReadOnlyList<Finding> findings)
    {
        if (findings.Count == 0) return Verdict.Allow;
        var decided = new List<Finding>(findings.Count);
        double injectionScore = 0;
        foreach (var group in findings.Where(Scored).GroupBy(f => f.Location.Field))
        {
            var score = InjectionThresholds.Score(group.Select(f => f.Weight));
            injectionScore = Math.Max(injectionScore, score);
            var action = InjectionAction(score);
            if (action == Decision.Allow) continue;
            decided.AddRange(group.Select(f => f with { Action = action }));
        }
        foreach (var f in findings.Where(f => !Scored(f)))
        {
            // Paranoid mode's hold is a review by definition: a person adds the target to a list or answers it.
            var action = f.RuleId == ParanoidGate.RuleId ? Decision.Review
                : _rules.TryGetValue(f.RuleId, out var def) ? ActionFor(def) : EngineAction(f);
            decided.Add(f with { Action = action });
        }
        if (decided.Count == 0) return Verdict.Allow with { InjectionScore = injectionScore, Reason = "no finding reached its threshold" };

        // The most severe finding, the first among equals: a loop, as LINQ ordering by enum and double keys is jitted in
        // every hook process (docs/decisions/014-hook-install.md).
        var top = decided[0];
        for (var i = 1; i < decided.Count; i++)
            if (Outranks(decided[i], top)) top = decided[i];
        var would = top.Action;
        var decision = ApplyMode(would);
        return new Verdict
        {
            Decision = decision,
            WouldDecide = would,
            Findings = decided,
            DecidingRule = top.RuleId,
            InjectionScore = injectionScore,
            Reason = Explain(decision, would, top, decided.Count, injectionScore),
        };
    }

    /// <summary>Ordered by action, then severity, then weight, all higher first.</summary>
    private static bool Outranks(Finding a, Finding b) =>
        a.Action != b.Action ? a.Action > b.Action
        : a.Severity != b.Severity ? a.Severity > b.Severity
        : a.Weight.CompareTo(b.Weight) > 0;

    /// <summary>An injection finding goes into its field's score unless the config set an action for its rule.</summary>
    private bool Scored(Finding f) =>
        f.Scanner == InjectionScanner.ScannerName && _config.Rules.GetValueOrDefault(f.RuleId)?.Action is null;

    /// <summary>
    /// The score's tier, capped by <c>actions.injection</c>: it is the action at <c>block_at</c>, and a lower one
    /// (<c>injection: audit</c>) lowers the review tier with it, as a person setting it expects.
    /// </summary>
    private Decision InjectionAction(double score)
    {
        var t = _config.Injection;
        var cap = _config.CategoryActions.GetValueOrDefault("injection", Decision.Block);
        if (score >= t.Block) return cap;
        if (score >= t.Review) return cap.Min(Decision.Review);
        if (score >= t.Audit) return cap.Min(Decision.Audit);
        return Decision.Allow;
    }

    private Decision EngineAction(Finding f) =>
        _config.CategoryActions.GetValueOrDefault(f.Category, PalisadeConfig.DefaultCategoryActions.GetValueOrDefault(f.Category, Decision.Block));

    private Decision ApplyMode(Decision d) => _config.Mode switch
    {
        PolicyMode.Monitor => d == Decision.Allow ? d : Decision.Audit,
        PolicyMode.Interactive => d == Decision.Block ? Decision.Review : d,
        PolicyMode.Paranoid => d == Decision.Audit ? Decision.Review : d,
        _ => d,
    };

    private string Explain(Decision decision, Decision would, Finding top, int count, double score)
    {
        var others = count > 1 ? $"; {count - 1} more finding{(count > 2 ? "s" : "")}" : "";
        // The paranoid hold's description already says what to add where; the rule id and field would only bury it.
        if (top.RuleId == ParanoidGate.RuleId && decision == Decision.Review) return $"held for review: {top.Description} ({top.RuleId}){others}.";
        var what = Scored(top)
            ? $"possible prompt injection (score {score:0.00}, strongest rule {top.RuleId})"
            : top.Description.Length == 0
                ? $"{top.RuleId} ({top.Severity.ToString().ToLowerInvariant()})"
                : $"{top.Description.TrimEnd('.')} ({top.RuleId}, {top.Severity.ToString().ToLowerInvariant()})";
        var verb = decision switch
        {
            Decision.Block => "blocked",
            Decision.Review => "held for review",
            Decision.Redact => "redacted",
            Decision.Audit => would > Decision.Audit ? $"would be {VerbFor(would)} ({_config.Mode.ToWire()} mode)" : "recorded",
            _ => "allowed",
        };
        return $"{verb}: {what} in '{top.Location.Field}'{others}.";
    }

    private static string VerbFor(Decision d) => d switch
    {
        Decision.Block => "blocked",
        Decision.Review => "held for review",
        Decision.Redact => "redacted",
        _ => "recorded",
    };
}
