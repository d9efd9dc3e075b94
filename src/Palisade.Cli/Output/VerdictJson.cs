using System.Text.Json;
using Palisade.Core.Model;

namespace Palisade.Cli.Output;

/// <summary>The JSON shape of a verdict: <c>{"decision","findings":[{"rule","scanner","category","severity","evidence"}]}</c> plus context fields.</summary>
public static class VerdictJson
{
    public static void Write(Utf8JsonWriter w, Verdict verdict)
    {
        w.WriteStartObject();
        w.WriteString("decision", verdict.Decision.ToWire());
        if (verdict.WouldDecide != verdict.Decision) w.WriteString("would_decide", verdict.WouldDecide.ToWire());
        if (verdict.DecidingRule is not null) w.WriteString("rule", verdict.DecidingRule);
        w.WriteString("reason", verdict.Reason);
        w.WriteStartArray("findings");
        foreach (var f in verdict.Findings) WriteFinding(w, f);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteFinding(Utf8JsonWriter w, Finding f)
    {
        w.WriteStartObject();
        w.WriteString("rule", f.RuleId);
        w.WriteString("scanner", f.Scanner);
        w.WriteString("category", f.Category);
        w.WriteString("severity", f.Severity.ToString().ToLowerInvariant());
        w.WriteString("evidence", f.Evidence);
        w.WriteString("action", f.Action.ToWire());
        w.WriteString("field", f.Location.Field);
        w.WriteString("view", f.Location.View);
        w.WriteNumber("start", f.Location.Start);
        w.WriteNumber("length", f.Location.Length);
        if (f.Weight > 0) w.WriteNumber("weight", Math.Round(f.Weight, 3));
        w.WriteEndObject();
    }
}
