using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Palisade.Mcp.Pinning;

/// <summary>
/// What of a tool definition is pinned: everything the model reads or the client acts on (name, title,
/// description, schemas, annotations), in a canonical form — members sorted, compact — so that reordering keys
/// is not a change and any change to wording is.
/// </summary>
public static class PinnedDefinition
{
    private static readonly string[] Members = ["name", "title", "description", "inputSchema", "outputSchema", "annotations"];
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Canonical(JsonObject tool)
    {
        var pinned = new JsonObject();
        foreach (var m in Members)
            if (tool[m] is { } value) pinned[m] = Sorted(value);
        return pinned.ToJsonString(Indented);
    }

    public static string Hash(string canonical) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };
}
