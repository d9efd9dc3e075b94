using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Palisade.Cli.Input;
using Palisade.Cli.Output;
using Palisade.Core.Audit;
using Palisade.Core.Engine;
using Palisade.Core.Model;

namespace Palisade.Cli.Commands;

/// <summary>
/// <c>scan --batch</c>: JSON lines in, one result line out per input, in order, streaming in constant memory.
/// A line that cannot be read gets an error result naming its id (or line number) and the run goes on.
/// With an audit log, each verdict becomes a record (its input's id in <c>extra.id</c>), appended in
/// batches of <see cref="AuditBatch"/> and closed with a checkpoint; a failed append stops the run (exit 2).
/// </summary>
public static class BatchScan
{
    private const int AuditBatch = 256;

    public static int Run(PalisadeEngine engine, TextReader input, CliConsole console, string defaultKind, AuditLog? audit = null)
    {
        var pending = new List<AuditEvent>(audit is null ? 0 : AuditBatch);
        var counts = new Dictionary<string, int>();
        long bytes = 0;
        int lines = 0, errors = 0;
        var stopped = false;
        var clock = Stopwatch.StartNew();
        var maxLine = MaxLineChars(engine.Config.MaxFieldChars);
        var reader = new BoundedLineReader(input, maxLine);
        while (reader.TryReadLine(out var line, out var overlong))
        {
            lines++;
            if (line is not null && string.IsNullOrWhiteSpace(line)) continue;
            bytes += line is null ? maxLine : Encoding.UTF8.GetByteCount(line) + 1;
            string result;
            BatchItem item = default;
            var error = $"the line is over the {maxLine}-character limit (twice limits.max_field_chars) and was not scanned";
            if (!overlong && TryParse(line!, defaultKind, out item, out error))
            {
                var action = ScanKind.ToAction(item.Kind, item.Content);
                var verdict = engine.Evaluate(action);
                if (audit is not null)
                {
                    pending.Add(AuditEvent.ForVerdict("scan", action, verdict, AuditEvent.NewId(audit.Time), AuditExtra(item.Id)));
                    if (pending.Count >= AuditBatch)
                    {
                        if (!ScanCommand.TryAudit(audit, pending, closing: false, console)) return ExitCodes.UsageError;
                        pending.Clear();
                    }
                }
                counts[verdict.Decision.ToWire()] = counts.GetValueOrDefault(verdict.Decision.ToWire()) + 1;
                stopped |= verdict.Decision.Stops() || verdict.Decision == Decision.Redact;
                result = ScanCommand.ToJson(w => WriteResult(w, item.Id, verdict));
            }
            else
            {
                errors++;
                stopped = true;
                result = ScanCommand.ToJson(w =>
                {
                    w.WriteStartObject();
                    if (item.Id is { } id) { w.WritePropertyName("id"); id.WriteTo(w); } else w.WriteNull("id");
                    w.WriteNumber("line", lines);
                    w.WriteString("decision", "error");
                    w.WriteString("error", error);
                    w.WriteEndObject();
                });
            }
            console.Out.WriteLine(result);
        }
        console.Out.Flush();
        if (audit is not null && !ScanCommand.TryAudit(audit, pending, closing: true, console)) return ExitCodes.UsageError;
        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
        var summary = string.Join(", ", counts.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {kv.Value}"));
        console.Error.WriteLine($"palisade scan: {lines} lines, {summary}{(summary.Length > 0 ? ", " : "")}{errors} errors, {bytes / 1e6 / seconds:0.0} MB/s");
        return stopped ? ExitCodes.Stopped : ExitCodes.Ok;
    }

    /// <summary>A line holds one field of at most <c>max_field_chars</c>, JSON-escaped, plus its id and kind.</summary>
    private static int MaxLineChars(int maxFieldChars) => (int)Math.Min(2L * maxFieldChars + 64 * 1024, Array.MaxLength);

    /// <summary>The input's id as the audit record's <c>extra.id</c>: a string as is, any other JSON as its text, capped.</summary>
    private static Dictionary<string, string>? AuditExtra(JsonElement? id)
    {
        if (id is not { } i || i.ValueKind == JsonValueKind.Null) return null;
        var text = i.ValueKind == JsonValueKind.String ? i.GetString()! : i.GetRawText();
        return new Dictionary<string, string> { ["id"] = text.Length <= 200 ? text : text[..200] + "…" };
    }

    private readonly record struct BatchItem(JsonElement? Id, string Kind, string Content);

    private static bool TryParse(string line, string defaultKind, out BatchItem item, out string error)
    {
        item = default;
        error = "";
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) { error = "a line must be a JSON object {\"id\",\"kind\",\"content\"}"; return false; }
            JsonElement? id = root.TryGetProperty("id", out var idEl) ? idEl.Clone() : null;
            item = item with { Id = id };
            var kind = defaultKind;
            if (root.TryGetProperty("kind", out var k))
            {
                if (k.ValueKind != JsonValueKind.String || !ScanKind.IsKnown(k.GetString()!)) { error = $"'kind' must be one of: {string.Join(", ", ScanKind.Names)}"; return false; }
                kind = k.GetString()!;
            }
            if (!root.TryGetProperty("content", out var c) || c.ValueKind != JsonValueKind.String) { error = "'content' is missing or not a string"; return false; }
            item = new BatchItem(id, kind, c.GetString()!);
            return true;
        }
        catch (JsonException e)
        {
            // Not e.Message: it quotes the offending text, which may be the very secret the line carries.
            error = $"not valid JSON (line position {e.BytePositionInLine ?? 0}); each line must be one JSON object {{\"id\",\"kind\",\"content\"}}";
            return false;
        }
    }

    private static void WriteResult(Utf8JsonWriter w, JsonElement? id, Verdict verdict)
    {
        w.WriteStartObject();
        if (id is { } i) { w.WritePropertyName("id"); i.WriteTo(w); } else w.WriteNull("id");
        w.WriteString("decision", verdict.Decision.ToWire());
        if (verdict.DecidingRule is not null) w.WriteString("rule", verdict.DecidingRule);
        w.WriteStartArray("findings");
        foreach (var f in verdict.Findings) VerdictJson.WriteFinding(w, f);
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
