using System.Text.Json;

namespace Palisade.Cli.Eval;

/// <summary>
/// File-access corpora: puffer-bench's filesystem attacks (all attacks, no benign paths), the file steps of
/// agentfirewall-evals' workflows (attacks and benign reads and writes), and the path arguments of nl2bash's real
/// commands (benign reads, for a false-positive rate). An item counts as flagged when the verdict
/// would stop it (review or block). Items are routed by what they are: a command line is scanned as a command, a path
/// as a file access (<c>write:PATH</c> when the workflow step writes).
/// </summary>
public static class PathSuites
{
    public static IEnumerable<EvalSuite> All()
    {
        yield return PufferFilesystem();
        yield return AgentFirewallFileSteps();
        yield return Nl2BashPathArguments();
    }

    private static EvalSuite PufferFilesystem() => new("puffer-bench filesystem", "path",
        ["puffer-bench/attacks.json", "puffer-bench/fixtures/filesystem-attacks.json"],
        dir =>
        {
            var p = Path.Combine(dir, "puffer-bench");
            var attacks = CorpusFiles.JsonArray(Path.Combine(p, "attacks.json")).Where(e => e.Str("layer") == "filesystem")
                .Select(e => Routed(e.Str("id"), $"attacks.json/{e.Str("category")}", true, e.Str("text")));
            var fixtures = CorpusFiles.JsonArray(Path.Combine(p, "fixtures/filesystem-attacks.json"))
                .Select((e, i) => Routed($"filesystem-attacks-{i}", "fixtures/filesystem-attacks", true, e.Str("path")));
            return attacks.Concat(fixtures);
        },
        (v, _, _) => ContentSuites.Stops(v));

    private static readonly string[] AgentFirewallFiles =
        ["generic_cases.json", "langgraph_cases.json", "mcp_client_cases.json", "mcp_server_cases.json", "openai_agents_cases.json", "runtime_cases.json"];

    /// <summary>
    /// Each distinct (operation, path) in a workflow's tool arguments or file-access events; an attack when its case
    /// expects the workflow to end blocked (in these cases the blocked step is the file step).
    /// </summary>
    private static EvalSuite AgentFirewallFileSteps() => new("agentfirewall-evals file steps", "path",
        [.. AgentFirewallFiles.Select(f => $"agentfirewall-evals/{f}")],
        dir =>
        {
            var seen = new HashSet<(string, bool)>();
            var items = new List<EvalItem>();
            foreach (var file in AgentFirewallFiles)
            {
                foreach (var c in CorpusFiles.JsonArray(Path.Combine(dir, "agentfirewall-evals", file)))
                {
                    var final = c.Str("expected_final_action", c.Str("expected_action"));
                    var attack = final is "block" or "review";
                    foreach (var step in PathSteps(c))
                    {
                        var op = step.Str("mode", step.TryGetProperty("content", out _) ? "write" : "read");
                        var input = $"{op}:{step.Str("path")}";
                        if (seen.Add((input, attack))) items.Add(new EvalItem($"{file}:{c.Str("name")}:{input}", [attack ? $"blocked {op}" : $"allowed {op}"], attack, "path", input));
                    }
                }
            }
            return items;
        },
        (v, _, _) => ContentSuites.Stops(v));

    /// <summary>
    /// Every distinct word of nl2bash's commands that looks like a path (has a slash, or starts with <c>~</c> or <c>.</c>),
    /// read as a file. Benign by label; some are sensitive all the same (<c>~/.ssh/id_rsa</c>, <c>~/.bashrc</c>): read
    /// the flagged ones before calling them false positives.
    /// </summary>
    private static EvalSuite Nl2BashPathArguments() => new("nl2bash path arguments", "path", ["nl2bash/items.jsonl"],
        dir =>
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            return CorpusFiles.JsonLines(Path.Combine(dir, "nl2bash/items.jsonl"))
                .SelectMany(e => e.Str("text").Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
                .Select(w => w.Trim('"', '\'', ';', '(', ')', '|', '&', '>', '<'))
                .Where(w => w.Length is > 1 and < 200 && (w.Contains('/') || w[0] is '~' or '.') && w[0] != '-' && !w.Contains("://", StringComparison.Ordinal) && !w.Contains("$(", StringComparison.Ordinal))
                .Where(seen.Add)
                .Select(w => new EvalItem(w, ["path arguments"], false, "path", w));
        },
        (v, _, _) => ContentSuites.Stops(v));

    private static IEnumerable<JsonElement> PathSteps(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                if (e.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.String) yield return e;
                foreach (var prop in e.EnumerateObject())
                    foreach (var s in PathSteps(prop.Value)) yield return s;
                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                    foreach (var s in PathSteps(item)) yield return s;
                break;
        }
    }

    /// <summary>A fixture that is a command line (<c>cat ~/.ssh/id_rsa</c>) is scanned as a command; anything else as a path.</summary>
    public static EvalItem Routed(string id, string subset, bool attack, string text) =>
        LooksLikeCommand(text) ? new EvalItem(id, [subset, "routed as command"], attack, "command", text) : new EvalItem(id, [subset], attack, "path", text);

    /// <summary>A lower-case bare program name followed by arguments. Paths with spaces start with a directory (or a capital: "Login Data").</summary>
    public static bool LooksLikeCommand(string text)
    {
        var t = text.Trim();
        var space = t.IndexOf(' ');
        if (space <= 0) return false;
        var first = t.AsSpan(0, space);
        foreach (var c in first)
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_')) return false;
        return true;
    }
}
