using System.Text.Json;
using System.Text.Json.Nodes;
using Palisade.Cli.Mcp;
using Palisade.Core.Engine;

namespace Palisade.Cli.Eval;

/// <summary>
/// MCP cases through the real relay (<see cref="McpReplay"/>: the stdio wrapper's session and inspector over in-memory
/// pipes), not through a shortcut: a definition counts as flagged when it is withheld from the list the client
/// receives, a call or result when the client receives a Palisade block (or review) error instead of the answer.
/// The runner's own verdict on the item text is not used (the items carry no text; the replay is the judgement).
/// </summary>
public static class McpSuites
{
    private const string Bench = "agent-egress-bench/cases";

    public static IEnumerable<EvalSuite> All(PalisadeEngine engine)
    {
        yield return BenchSuite(engine, "mcp-input");
        yield return BenchSuite(engine, "mcp-tool");
        yield return BenchSuite(engine, "mcp-chain");
        yield return ReferenceDescriptions(engine);
    }

    private static EvalSuite BenchSuite(PalisadeEngine engine, string category)
    {
        var cases = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        return new EvalSuite($"agent-egress-bench {category}", "mcp", ["agent-egress-bench/SOURCE.txt"],
            dir =>
            {
                var folder = Path.Combine(dir, Bench, category);
                return Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(file =>
                {
                    using var doc = JsonDocument.Parse(File.ReadAllText(file));
                    var c = doc.RootElement.Clone();
                    cases[c.Str("id")] = c;
                    return new EvalItem(c.Str("id"), [$"{category}/{c.Str("input_type")}"], c.Str("expected_verdict") == "block", "text", "");
                }).ToList();
            },
            (_, item, _) => ReplayCase(engine, cases[item.Id]));
    }

    /// <summary>Requests go out as recorded; recorded results come back for the requests that would have produced them.</summary>
    private static bool ReplayCase(PalisadeEngine engine, JsonElement c)
    {
        var requests = McpReplay.Handshake().ToList();
        var results = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        var listed = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var m in c.GetProperty("payload").GetProperty("jsonrpc_messages").EnumerateArray())
        {
            var message = McpReplay.Parse(m);
            var id = message["id"]!.ToJsonString();
            if (message.ContainsKey("method"))
            {
                requests.Add(message);
                continue;
            }
            var result = message["result"]!;
            results[id] = result;
            if (result["tools"] is JsonArray tools)
            {
                listed[id] = [.. tools.Select(t => (string)t!["name"]!)];
                requests.Add(Request(message["id"]!, "tools/list", null));
            }
            else requests.Add(Request(message["id"]!, "tools/call", new JsonObject { ["name"] = "search", ["arguments"] = new JsonObject() }));
        }
        var outcome = McpReplay.RunAsync(engine, requests, results).GetAwaiter().GetResult();
        return outcome.Stopped.Count > 0 || listed.Any(l => Withheld(outcome, l.Key, l.Value));
    }

    private static EvalSuite ReferenceDescriptions(PalisadeEngine engine)
    {
        var tools = new Dictionary<string, (string Name, string Description)>(StringComparer.Ordinal);
        return new EvalSuite("mcp-reference-tool-descriptions", "mcp", ["mcp-reference-tool-descriptions/items.jsonl"],
            dir => CorpusFiles.JsonLines(Path.Combine(dir, "mcp-reference-tool-descriptions/items.jsonl")).Select(e =>
            {
                tools[e.Str("id")] = (e.Str("tool"), e.Str("text"));
                return new EvalItem(e.Str("id"), [e.Str("server")], e.Str("label") != "benign", "text", "");
            }).ToList(),
            (_, item, _) =>
            {
                var (name, description) = tools[item.Id];
                var result = new JsonObject
                {
                    ["tools"] = new JsonArray(new JsonObject { ["name"] = name, ["description"] = description, ["inputSchema"] = new JsonObject { ["type"] = "object" } }),
                };
                var outcome = McpReplay.RunAsync(engine, [.. McpReplay.Handshake(), Request(1, "tools/list", null)], new Dictionary<string, JsonNode> { ["1"] = result })
                    .GetAwaiter().GetResult();
                return Withheld(outcome, "1", [name]);
            });
    }

    /// <summary>True when the list the client received lacks one of <paramref name="names"/> (or was replaced by an error).</summary>
    private static bool Withheld(McpReplayOutcome outcome, string id, IReadOnlyList<string> names)
    {
        if (outcome.Stopped.Contains(id) || outcome.Replies[id]["result"]?["tools"] is not JsonArray received) return true;
        var kept = received.Select(t => (string?)t?["name"]).ToHashSet(StringComparer.Ordinal);
        return names.Any(n => !kept.Contains(n));
    }

    private static JsonObject Request(JsonNode id, string method, JsonObject? parameters)
    {
        var request = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["method"] = method };
        if (parameters is not null) request["params"] = parameters;
        return request;
    }
}
