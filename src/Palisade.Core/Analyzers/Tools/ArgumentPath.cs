using System.Text.Json;

namespace Palisade.Core.Analyzers.Tools;

/// <summary>
/// Selects string values from tool arguments by a simple path: <c>key</c>, <c>key[]</c> (each element of an array),
/// <c>key[].field</c> (a field of each element). Yields the JSON path of each value for findings.
/// </summary>
public static class ArgumentPath
{
    public static IEnumerable<(string Path, string Value)> Select(JsonElement args, string path)
    {
        var results = new List<(string, string)>();
        Walk(args, path.Split('.'), 0, "", results);
        return results;
    }

    private static void Walk(JsonElement e, string[] parts, int i, string at, List<(string, string)> into)
    {
        if (i == parts.Length)
        {
            if (e.ValueKind == JsonValueKind.String) into.Add((at, e.GetString()!));
            return;
        }
        if (e.ValueKind != JsonValueKind.Object) return;
        var part = parts[i];
        var each = part.EndsWith("[]", StringComparison.Ordinal);
        var key = each ? part[..^2] : part;
        if (!e.TryGetProperty(key, out var child)) return;
        var here = at.Length == 0 ? key : $"{at}.{key}";
        if (!each)
        {
            Walk(child, parts, i + 1, here, into);
            return;
        }
        if (child.ValueKind != JsonValueKind.Array) return;
        var n = 0;
        foreach (var item in child.EnumerateArray())
        {
            var itemPath = $"{here}[{n++}]";
            if (i + 1 == parts.Length) { if (item.ValueKind == JsonValueKind.String) into.Add((itemPath, item.GetString()!)); }
            else Walk(item, parts, i + 1, itemPath, into);
        }
    }

    /// <summary>Every string value in the arguments with its JSON path, depth- and count-bounded.</summary>
    public static List<(string Path, string Value)> AllStrings(JsonElement args, int maxDepth = 16, int maxValues = 4096)
    {
        var into = new List<(string, string)>();
        Leaves(args, "", 0, maxDepth, maxValues, into);
        return into;
    }

    private static void Leaves(JsonElement e, string at, int depth, int maxDepth, int maxValues, List<(string, string)> into)
    {
        if (depth > maxDepth || into.Count >= maxValues) return;
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                into.Add((at.Length == 0 ? "value" : at, e.GetString()!));
                break;
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject()) Leaves(p.Value, at.Length == 0 ? p.Name : $"{at}.{p.Name}", depth + 1, maxDepth, maxValues, into);
                break;
            case JsonValueKind.Array:
                var n = 0;
                foreach (var item in e.EnumerateArray()) Leaves(item, $"{at}[{n++}]", depth + 1, maxDepth, maxValues, into);
                break;
        }
    }
}
