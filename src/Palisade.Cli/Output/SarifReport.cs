using System.Text.Json;
using Palisade.Core.Model;

namespace Palisade.Cli.Output;

/// <summary>
/// SARIF 2.1.0, so code-scanning tools can show findings. Character offsets are into the scanned input; findings
/// in what the input was decomposed into (tool arguments, URL parts, paths) name that part instead.
/// </summary>
public static class SarifReport
{
    /// <summary>The field <c>palisade scan</c> puts the whole input in; findings there have offsets into the file.</summary>
    private const string InputField = "content";

    /// <param name="input">The scanned text, to turn offsets into the lines and columns code-scanning tools require.</param>
    public static void Write(Stream output, Verdict verdict, string artifactUri, string input)
    {
        var lines = new LineIndex(input);
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", "palisade");
        w.WriteString("informationUri", "https://github.com/palisade/palisade");
        w.WriteStartArray("rules");
        foreach (var f in verdict.Findings.DistinctBy(f => f.RuleId))
        {
            w.WriteStartObject();
            w.WriteString("id", f.RuleId);
            w.WriteStartObject("shortDescription");
            w.WriteString("text", f.Description.Length > 0 ? f.Description : f.RuleId);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteString("columnKind", "utf16CodeUnits");
        w.WriteStartArray("results");
        foreach (var f in verdict.Findings)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", f.RuleId);
            w.WriteString("level", f.Action >= Decision.Review ? "error" : f.Action == Decision.Redact ? "warning" : "note");
            w.WriteStartObject("message");
            w.WriteString("text", $"{(f.Description.Length > 0 ? f.Description : f.RuleId)}: {f.Evidence}");
            w.WriteEndObject();
            w.WriteStartArray("locations");
            w.WriteStartObject();
            w.WriteStartObject("physicalLocation");
            w.WriteStartObject("artifactLocation");
            w.WriteString("uri", artifactUri);
            w.WriteEndObject();
            if (f.Location.Field == InputField)
            {
                var (startLine, startColumn) = lines.At(f.Location.Start);
                var (endLine, endColumn) = lines.At(f.Location.Start + f.Location.Length);
                w.WriteStartObject("region");
                w.WriteNumber("startLine", startLine);
                w.WriteNumber("startColumn", startColumn);
                w.WriteNumber("endLine", endLine);
                w.WriteNumber("endColumn", endColumn);
                w.WriteNumber("charOffset", f.Location.Start);
                w.WriteNumber("charLength", f.Location.Length);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            if (f.Location.Field != InputField)
            {
                // A part the input was decomposed into (a tool argument, the canonical URL, a path): its offsets are
                // into that part, not the file, so it is named rather than given a region that would point elsewhere.
                w.WriteStartArray("logicalLocations");
                w.WriteStartObject();
                w.WriteString("fullyQualifiedName", f.Location.Field);
                w.WriteEndObject();
                w.WriteEndArray();
            }
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartObject("properties");
            w.WriteString("scanner", f.Scanner);
            w.WriteString("category", f.Category);
            w.WriteString("severity", f.Severity.ToString().ToLowerInvariant());
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
