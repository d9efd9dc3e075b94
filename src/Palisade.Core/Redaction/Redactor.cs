using System.Text;
using Palisade.Core.Model;

namespace Palisade.Core.Redaction;

/// <summary>Replaces caught values in a field's text with typed placeholders such as <c>[REDACTED:aws-access-key-id]</c>.</summary>
public static class Redactor
{
    public static string Placeholder(string ruleId) => $"[REDACTED:{ruleId}]";

    /// <summary>The field text with every finding span in it replaced. Overlapping spans are merged under the first rule.</summary>
    public static string Apply(string text, string field, IEnumerable<Finding> findings)
    {
        var spans = findings
            .Where(f => f.Location.Field == field && f.Location.Length > 0)
            .Select(f => (f.Location.Start, End: Math.Min(text.Length, f.Location.Start + f.Location.Length), f.RuleId))
            .Where(s => s.Start >= 0 && s.Start < text.Length)
            .OrderBy(s => s.Start)
            .ToList();
        if (spans.Count == 0) return text;
        var sb = new StringBuilder(text.Length);
        var pos = 0;
        foreach (var (start, end, rule) in spans)
        {
            if (end <= pos) continue;
            if (start >= pos)
            {
                sb.Append(text, pos, start - pos);
                sb.Append(Placeholder(rule));
            }
            pos = end;
        }
        sb.Append(text, pos, text.Length - pos);
        return sb.ToString();
    }
}
