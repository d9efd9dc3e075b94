using System.Globalization;
using System.Text.Json;

namespace Palisade.Cli.Eval;

/// <summary>Prints suite results as tables a person reads, or JSON a script reads.</summary>
public static class EvalReport
{
    public static void WriteText(TextWriter o, IReadOnlyList<SuiteResult> results, bool detail)
    {
        foreach (var area in results.GroupBy(r => r.Area))
        {
            o.WriteLine($"== {area.Key}");
            o.WriteLine($"{"corpus / subset",-58} {"attacks",8} {"flagged",8} {"recall",8}   {"benign",7} {"flagged",8} {"fp rate",8}");
            foreach (var suite in area)
            {
                if (suite.Skipped is not null)
                {
                    o.WriteLine($"{suite.Name,-58} skipped: {suite.Skipped}");
                    continue;
                }
                Row(o, suite.Name, suite.Total);
                foreach (var s in suite.Subsets.Where(s => detail || !IsDetail(s.Subset)))
                    Row(o, "  " + s.Subset, s);
            }
            o.WriteLine();
        }
    }

    /// <summary>Per-upstream-rule and per-technique rows are many: shown with <c>--detail</c> only.</summary>
    private static bool IsDetail(string subset) => subset.StartsWith("rule:", StringComparison.Ordinal) || subset.StartsWith("technique:", StringComparison.Ordinal);

    private static void Row(TextWriter o, string name, SubsetResult s)
    {
        if (name.Length > 58) name = name[..57] + "…";
        o.WriteLine($"{name,-58} {Cell(s.Attacks),8} {Cell(s.AttacksFlagged, s.Attacks),8} {Pct(s.Recall),8}   {Cell(s.Benign),7} {Cell(s.BenignFlagged, s.Benign),8} {Pct(s.FalsePositiveRate),8}");
    }

    private static string Cell(int n, int of = 1) => of == 0 ? "-" : n.ToString(CultureInfo.InvariantCulture);
    private static string Pct(double? p) => p is null ? "-" : (p.Value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static void WriteJson(Stream output, IReadOnlyList<SuiteResult> results)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteStartArray("suites");
        foreach (var suite in results)
        {
            w.WriteStartObject();
            w.WriteString("name", suite.Name);
            w.WriteString("area", suite.Area);
            if (suite.Skipped is not null) w.WriteString("skipped", suite.Skipped);
            w.WriteNumber("seconds", Math.Round(suite.Seconds, 3));
            w.WritePropertyName("total");
            Subset(w, suite.Total);
            w.WriteStartArray("subsets");
            foreach (var s in suite.Subsets) Subset(w, s);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Subset(Utf8JsonWriter w, SubsetResult s)
    {
        w.WriteStartObject();
        w.WriteString("subset", s.Subset);
        w.WriteNumber("attacks", s.Attacks);
        w.WriteNumber("attacks_flagged", s.AttacksFlagged);
        w.WriteNumber("benign", s.Benign);
        w.WriteNumber("benign_flagged", s.BenignFlagged);
        if (s.Recall is { } r) w.WriteNumber("recall", Math.Round(r, 4));
        if (s.FalsePositiveRate is { } f) w.WriteNumber("fp_rate", Math.Round(f, 4));
        w.WriteStartArray("missed");
        foreach (var id in s.Missed) w.WriteStringValue(id);
        w.WriteEndArray();
        w.WriteStartArray("false_positives");
        foreach (var id in s.FalsePositives) w.WriteStringValue(id);
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
