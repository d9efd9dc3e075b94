using Palisade.Core.Model;
using Palisade.Core.Rules;

namespace Palisade.Core.Scanners;

/// <summary>
/// A scanner whose rules catch sensitive values (credentials, PII) in the raw, normalized and decoded views.
/// One finding per rule and source span, whichever view saw it first.
/// </summary>
public abstract class ValueRuleScanner : IContentScanner
{
    public abstract string Name { get; }

    public virtual bool AppliesTo(AgentAction action) => true;

    /// <summary>
    /// Characters (and words, one per eight) a value may reach from one of its keywords or digit runs: tokens and
    /// assignments with some context. Rules for longer values (PEM blocks, key files) set their own <c>window</c>.
    /// </summary>
    public const int DefaultWindow = 256;

    /// <summary>Tags a finding whose value is a placeholder or published test value, reported at the network boundary.</summary>
    public const string PlaceholderTag = "placeholder-value";

    public void Scan(FieldContext field, List<Finding> findings)
    {
        var first = findings.Count;
        ScanViews(field, findings);
        AfterScan(findings, first);
    }

    /// <summary>Lets a scanner tidy the findings it added (from index <paramref name="first"/> on).</summary>
    protected virtual void AfterScan(List<Finding> findings, int first) { }

    private void ScanViews(FieldContext field, List<Finding> findings)
    {
        var matches = new List<RuleMatch>();
        var seen = new HashSet<(string, int, int)>();
        foreach (var view in field.Views.ForSecrets())
        {
            matches.Clear();
            field.Match(Name, view, matches, DefaultWindow);
            foreach (var m in matches)
            {
                var location = field.Locate(view, m.Start, m.Length);
                if (!seen.Add((m.Rule.Id, location.Start, location.Length))) continue;
                var def = m.Rule.Definition;
                // Kept only because it crossed the network boundary: say so, so the record explains the block.
                var tags = field.Placeholders == Placeholders.Keep && !RuleMatcher.Accepts(m.Rule, m.Value, field.AllowedValues)
                    ? [.. def.Tags, PlaceholderTag] : def.Tags;
                findings.Add(def.FindingAt(Name, location, field.Redactor.Mask(m.Value), tags));
            }
        }
    }
}

/// <summary>Credentials: API keys, tokens, private keys, connection strings, seed phrases.</summary>
public sealed class SecretsScanner : ValueRuleScanner
{
    public const string ScannerName = "secrets";
    public override string Name => ScannerName;
}

/// <summary>Personal data: payment cards, IBANs, national ids, emails, phone numbers.</summary>
public sealed class PiiScanner : ValueRuleScanner
{
    public const string ScannerName = "pii";
    public override string Name => ScannerName;

    /// <summary>
    /// Drops a finding that lies inside a more severe one of the same field: the digit groups of an IBAN or a card
    /// number also look like a phone number, and reporting "phone number" for an IBAN is noise, not a second leak.
    /// </summary>
    protected override void AfterScan(List<Finding> findings, int first)
    {
        if (findings.Count - first < 2) return;
        var mine = findings.GetRange(first, findings.Count - first);
        findings.RemoveRange(first, mine.Count);
        foreach (var f in mine)
            if (!mine.Any(other => Inside(f, other))) findings.Add(f);
    }

    private static bool Inside(Finding inner, Finding outer) =>
        outer.Severity > inner.Severity
        && outer.Location.Field == inner.Location.Field
        && outer.Location.Start <= inner.Location.Start
        && inner.Location.Start + inner.Location.Length <= outer.Location.Start + outer.Location.Length;
}
