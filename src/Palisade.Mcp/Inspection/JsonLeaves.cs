using System.Text.Json;
using System.Text.Json.Nodes;

namespace Palisade.Mcp.Inspection;

/// <summary>One string inside a JSON value: where it is, what it says, and how to replace it (for redaction).</summary>
public sealed record JsonLeaf(string Path, string Text, Action<string> Replace);

/// <summary>
/// Every string a model could read inside an MCP payload. Binary payloads (image and audio <c>data</c>, resource
/// <c>blob</c>) and pure type tags are left out: they are not text a model follows, and decoding them would spend the
/// scan budget on pixels.
/// </summary>
public static class JsonLeaves
{
    private static readonly HashSet<string> SkippedKeys = new(StringComparer.Ordinal) { "type", "mimeType", "blob", "$schema", "jsonrpc" };

    public static List<JsonLeaf> Strings(JsonNode? node, string prefix)
    {
        var leaves = new List<JsonLeaf>();
        Walk(node, prefix, leaves, 0);
        return leaves;
    }

    private static void Walk(JsonNode? node, string path, List<JsonLeaf> leaves, int depth)
    {
        switch (node)
        {
            case JsonObject obj:
                var binary = obj["type"] is JsonValue t && t.GetValueKind() == JsonValueKind.String && t.GetValue<string>() is "image" or "audio";
                foreach (var (key, child) in obj.ToList())
                {
                    if (SkippedKeys.Contains(key) || (binary && key == "data")) continue;
                    var childPath = path.Length == 0 ? key : $"{path}.{key}";
                    if (child is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                    {
                        leaves.Add(new JsonLeaf(childPath, v.GetValue<string>(), s => obj[key] = s));
                        continue;
                    }
                    Walk(child, childPath, leaves, depth + 1);
                }
                break;
            case JsonArray arr:
                for (var i = 0; i < arr.Count; i++)
                {
                    var index = i;
                    var childPath = $"{path}[{i}]";
                    if (arr[i] is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                    {
                        leaves.Add(new JsonLeaf(childPath, v.GetValue<string>(), s => arr[index] = s));
                        continue;
                    }
                    Walk(arr[i], childPath, leaves, depth + 1);
                }
                break;
        }
    }

    /// <summary>Property names of a schema's <c>properties</c> are text the model reads too (a parameter named like an order).</summary>
    public static IEnumerable<string> PropertyNames(JsonNode? schema)
    {
        if (schema?["properties"] is not JsonObject props) yield break;
        foreach (var (key, value) in props)
        {
            yield return key;
            foreach (var inner in PropertyNames(value)) yield return inner;
        }
    }
}
