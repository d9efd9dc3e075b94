using System.Text.Json;

namespace Palisade.Cli.Eval;

/// <summary>Reads the corpus formats: JSON lines, and JSON arrays of objects.</summary>
public static class CorpusFiles
{
    public static IEnumerable<JsonElement> JsonLines(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            yield return doc.RootElement.Clone();
        }
    }

    public static IEnumerable<JsonElement> JsonArray(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var e in doc.RootElement.EnumerateArray()) yield return e.Clone();
    }

    public static string Str(this JsonElement e, string name, string fallback = "") =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : fallback;
}
