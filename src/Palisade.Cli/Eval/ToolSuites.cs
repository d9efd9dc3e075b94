using System.Text.Json;
using Palisade.Core.Model;

namespace Palisade.Cli.Eval;

/// <summary>
/// puffer-bench's MCP fixtures: tool calls go through the tool analyzer (decomposed into commands, paths and URLs),
/// tool results through the content scanners as what the model reads back. Items that only a server allow-list can
/// judge (an unknown server, a suspicious tool name with no arguments) belong to the MCP proxy's policy and are
/// counted in their own subset.
/// </summary>
public static class ToolSuites
{
    public static IEnumerable<EvalSuite> All()
    {
        yield return PufferMcp();
    }

    private static EvalSuite PufferMcp() => new("puffer-bench mcp", "tool",
        ["puffer-bench/fixtures/mcp-attacks.json", "puffer-bench/attacks.json"],
        dir =>
        {
            var p = Path.Combine(dir, "puffer-bench");
            var fixtures = CorpusFiles.JsonArray(Path.Combine(p, "fixtures/mcp-attacks.json")).Select((e, i) =>
            {
                var id = $"mcp-attacks-{i}";
                if (e.Str("type") == "tool_result")
                    return new EvalItem(id, ["tool results"], true, "response", e.Str("result"));
                var hasArgs = e.TryGetProperty("params", out var args) && args.ValueKind == JsonValueKind.Object;
                var call = JsonSerializer.Serialize(new { name = e.Str("tool"), arguments = hasArgs ? args : default(JsonElement?) });
                return new EvalItem(id, [hasArgs ? "tool calls" : "tool calls without arguments (server policy)"], true, "tool", call);
            });
            var prompts = CorpusFiles.JsonArray(Path.Combine(p, "attacks.json")).Where(e => e.Str("layer") == "mcp")
                .Select(e => new EvalItem(e.Str("id"), [$"attacks.json/{e.Str("category")}"], true, "prompt", e.Str("text")));
            return fixtures.Concat(prompts);
        },
        (v, _, _) => ContentSuites.Stops(v));
}
