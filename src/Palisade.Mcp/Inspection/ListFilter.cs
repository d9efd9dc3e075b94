using System.Text.Json;
using System.Text.Json.Nodes;
using Palisade.Core.Model;
using Palisade.Mcp.Pinning;

namespace Palisade.Mcp.Inspection;

/// <summary>
/// Filters <c>tools/list</c>, <c>prompts/list</c>, <c>resources/list</c> and <c>resources/templates/list</c> results:
/// every item is judged as a definition (plus, for tools, the allow/deny lists and its pin); an item whose verdict
/// stops it is withheld from the list the client sees, and remembered so calls to it are blocked too.
/// </summary>
internal sealed class ListFilter(McpJudge judge, ToolPolicy policy, ToolPinner? pinner, WithheldTools withheld, Action<string> notice)
{
    public static string? ItemsMember(string method) => method switch
    {
        "tools/list" => "tools",
        "prompts/list" => "prompts",
        "resources/list" => "resources",
        "resources/templates/list" => "resourceTemplates",
        _ => null,
    };

    public async Task FilterAsync(string method, string member, JsonObject result, string? session, CancellationToken cancel)
    {
        if (result[member] is not JsonArray items) return;
        var isTools = member == "tools";
        var named = new List<(string Name, JsonObject Item)>();
        var kept = new List<JsonNode>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in items)
        {
            // An item without a string name cannot be pinned, allowed or shown to a person: it is dropped.
            if (node is JsonObject o && o["name"] is JsonValue v && v.GetValueKind() == JsonValueKind.String) named.Add((v.GetValue<string>(), o));
            else notice($"dropped an unnamed entry from {method} of server '{judge.Server}'.");
        }
        IReadOnlyDictionary<string, PinCheck>? pins = null;
        var pinsUnavailable = false;
        if (isTools && pinner is not null)
        {
            try
            {
                pins = pinner.Check(judge.Server, named.GroupBy(n => n.Name).Select(g => (g.Key, g.First().Item)).ToList());
            }
            catch (Microsoft.Data.Sqlite.SqliteException e)
            {
                // Without the pin store a changed tool cannot be told from a trusted one: every tool is judged unpinned.
                pinsUnavailable = true;
                notice($"the pin store could not be read ({e.SqliteErrorCode}); tools of '{judge.Server}' cannot be checked against their pins.");
            }
        }
        foreach (var (name, item) in named)
        {
            var extra = new List<Finding>();
            if (!seen.Add(name))
                extra.Add(McpFindings.Of(McpFindings.ToolDuplicate, "name", $"'{name}' is listed twice by server '{judge.Server}'; the second entry is withheld"));
            if (isTools && policy.Check(judge.Server, name, "name") is { } denied) extra.Add(denied);
            if (pinsUnavailable)
                extra.Add(McpFindings.Of(McpFindings.PinsUnavailable, "name", $"the pin store could not be read, so tool '{name}' could not be checked against its pin"));
            if (pins?.GetValueOrDefault(name) is { NeedsApproval: true } pin)
            {
                extra.Add(McpFindings.Of(pin.State == PinState.Changed ? McpFindings.ToolChanged : McpFindings.ToolShadowing, "name",
                    $"tool '{name}' of server '{judge.Server}' needs approval: {pin.Reason}"));
                notice($"tool '{name}' of server '{judge.Server}' {pin.Reason}; see 'palisade mcp pins show {judge.Server} {name}', then 'palisade mcp pins approve {judge.Server} {name}'.");
            }
            var judgement = await judge.JudgeAsync(McpActions.Definition(session, name, item), extra, method, cancel).ConfigureAwait(false);
            if (judgement.Verdict.Decision.Stops())
            {
                if (isTools) withheld.Add(name, judgement);
                notice($"withheld {member[..^1]} '{name}' of server '{judge.Server}': {judgement.Verdict.Reason} (event {judgement.EventId})");
                continue;
            }
            if (isTools) withheld.Remove(name);
            kept.Add(item);
        }
        items.Clear();
        foreach (var k in kept) items.Add(k);
    }
}
