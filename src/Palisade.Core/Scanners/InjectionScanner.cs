using Palisade.Core.Model;
using Palisade.Core.Rules;

namespace Palisade.Core.Scanners;

/// <summary>
/// Instructions aimed at the model, in anything it reads. Each rule carries a weight; policy combines the
/// weights of the distinct rules that matched a field into a score and compares it with thresholds,
/// so one weak phrase never decides alone.
/// </summary>
public sealed class InjectionScanner : IContentScanner
{
    public const string ScannerName = "injection";
    public string Name => ScannerName;

    /// <summary>
    /// Everything a model reads or is told — prompts, outputs, tool results and definitions, messages, tool arguments —
    /// but not the addresses and lines the analyzers judge structurally (a URL, a shell line, a path).
    /// </summary>
    public bool AppliesTo(AgentAction action) => action.Kind is not (ActionKind.HttpRequest or ActionKind.Command or ActionKind.FileAccess);

    /// <summary>
    /// Characters (and words, one per eight) a phrase may reach from one of its keywords; rules with longer gaps set
    /// their own <c>window</c>.
    /// </summary>
    public const int DefaultWindow = 256;

    public void Scan(FieldContext field, List<Finding> findings)
    {
        var matches = new List<RuleMatch>();
        // By rule index, not id: the filter below runs for every injection rule in every view, a string hash each was
        // a measurable share of a clean field's time.
        var seen = new bool[field.Rules.Rules.Count];
        foreach (var (view, reads) in Views(field))
        {
            matches.Clear();
            // A rule counts once per field, however often it matches: repetition is not extra evidence. So the first
            // match decides, and a rule that matched in one view is not run over the next.
            field.Match(field.Rules.ForScanner(Name, reads), view, matches, DefaultWindow, seen, maxMatches: 1);
            foreach (var m in matches)
            {
                if (seen[m.Rule.Index]) continue;
                seen[m.Rule.Index] = true;
                var def = m.Rule.Definition;
                var location = field.Locate(view, m.Start, m.Length);
                var mention = QuotedMention.Is(field.Field.Text, location.Start, location.Length);
                var weight = mention ? def.Weight * QuotedMention.WeightFactor : def.Weight;
                findings.Add(def.FindingAt(Name, location, field.Redactor.Excerpt(m.Value), mention ? [.. def.Tags, QuotedMention.Tag] : null)
                    with { Weight = weight, Confidence = weight });
            }
        }
    }

    /// <summary>Each view with the rule view-name that reads it: folded views for most rules, raw and normalized for the few that need them.</summary>
    private static IEnumerable<(Palisade.Core.Text.TextView View, string Reads)> Views(FieldContext field)
    {
        foreach (var v in field.Views.ForInjection()) yield return (v, "folded");
        yield return (field.Views.Raw, "raw");
        yield return (field.Views.Normalized, "normalized");
    }
}
