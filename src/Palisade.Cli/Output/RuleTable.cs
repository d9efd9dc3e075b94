using Palisade.Core.Engine;
using Palisade.Core.Model;
using Palisade.Core.Policy;
using Palisade.Core.Rules;
using Palisade.Core.Scanners;

namespace Palisade.Cli.Output;

/// <summary>
/// <c>palisade config show --rules</c>: every rule with what the configuration makes of it, so a person writing
/// <c>rules:</c> or <c>actions:</c> can see the ids and categories that exist and what each one would do.
/// </summary>
public static class RuleTable
{
    public static void Write(TextWriter output, PalisadeConfig config)
    {
        var enabled = PalisadeEngine.EnabledRules(config).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var policy = new PolicyEvaluator(config, RuleCatalog.Builtin.Concat(config.CustomRules));
        output.WriteLine("# id\tscanner/category\tseverity\taction\tstate");
        foreach (var rule in RuleCatalog.Builtin.Concat(config.CustomRules).OrderBy(r => r.Scanner, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            var scored = rule.Scanner == InjectionScanner.ScannerName && config.Rules.GetValueOrDefault(rule.Id)?.Action is null;
            var action = scored ? $"scored (weight {rule.Weight:0.##})" : policy.ActionFor(rule).ToWire();
            var state = rule.Core ? "core" : enabled.Contains(rule.Id) ? "on" : "off";
            output.WriteLine($"{rule.Id}\t{rule.Scanner}/{rule.Category}\t{rule.Severity.ToString().ToLowerInvariant()}\t{action}\t{state}");
        }
    }
}
