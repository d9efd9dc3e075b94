using System.Text.RegularExpressions;
using Palisade.Core.Model;
using Palisade.Core.Policy;
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
    private readonly HashSet<string> _allowedValues;

    public PalisadeEngine(PalisadeConfig config, EvidenceRedactor? redactor = null)
    {
        Config = config;
        Redactor = redactor ?? EvidenceRedactor.Ephemeral();
        var definitions = EnabledRules(config).ToList();
        Rules = new RuleSet(definitions);
        Policy = new PolicyEvaluator(config, definitions);
        _scanners = ScannerChain.Create();
        _allowedValues = new HashSet<string>(config.AllowValues, StringComparer.Ordinal);
    }

    public static PalisadeEngine CreateDefault() => new(PalisadeConfig.Default);

    /// <summary>Built-in rules that are on (by default or by config), then the config's own rules.</summary>
    public static IEnumerable<RuleDefinition> EnabledRules(PalisadeConfig config) =>
        RuleCatalog.Builtin.Concat(config.CustomRules)
            .Where(r => r.Core || (config.Rules.GetValueOrDefault(r.Id)?.Enabled ?? (r.EnabledByDefault || config.Rules.GetValueOrDefault(r.Id)?.Action is not null)));

    public Verdict Evaluate(AgentAction action)
    {
        var findings = new List<Finding>();
        foreach (var field in action.Fields)
        {
            if (field.Text.Length == 0) continue;
            if (field.Text.Length > Config.MaxFieldChars)
            {
                findings.Add(EngineFinding("engine-oversized", field.Path, $"field of {field.Text.Length} characters is over the {Config.MaxFieldChars} limit and was not scanned"));
                continue;
            }
            var ctx = new FieldContext(action, field, Rules, Redactor, _allowedValues, Config.Decode);
            foreach (var scanner in _scanners)
            {
                if (!scanner.AppliesTo(action)) continue;
                try
                {
                    scanner.Scan(ctx, findings);
                }
                catch (RegexMatchTimeoutException)
                {
                    findings.Add(EngineFinding("engine-scan-timeout", field.Path, $"the {scanner.Name} scanner ran out of time"));
                }
            }
        }
        return Policy.Decide(findings);
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
