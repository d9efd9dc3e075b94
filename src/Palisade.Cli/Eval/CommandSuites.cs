using System.Text.Json;
using Palisade.Core.Model;

namespace Palisade.Cli.Eval;

/// <summary>
/// The shell-command corpora: Atomic Red Team attack commands (by executor, platform, tactic and technique) against
/// nl2bash's everyday commands, and the puffer-bench command fixtures and attacks.
/// </summary>
public static class CommandSuites
{
    public const string Area = "command";

    public static IEnumerable<EvalSuite> All()
    {
        yield return AtomicRedTeam();
        yield return Nl2Bash("nl2bash", ContentSuites.Stops);
        // The benign corpus is full of commands that look dangerous: what matters most is how much of it is blocked outright.
        yield return Nl2Bash("nl2bash blocked", v => v.WouldDecide == Decision.Block);
        yield return PufferFixtures();
        yield return PufferAttacks();
    }

    /// <summary>
    /// Every atomic test's command, counted under its executor (sh and bash also together), each platform, its tactic,
    /// and (as detail rows) its parent technique. Flagged: the verdict would stop it.
    /// </summary>
    private static EvalSuite AtomicRedTeam() => new("atomic-red-team-commands", Area, ["atomic-red-team-commands/items.jsonl"],
        dir => CorpusFiles.JsonLines(Path.Combine(dir, "atomic-red-team-commands/items.jsonl")).Select(e =>
        {
            var executor = e.Str("executor");
            var technique = e.Str("technique");
            var subsets = new List<string> { $"executor:{executor}" };
            if (executor is "sh" or "bash") subsets.Add("executor:sh+bash");
            if (e.TryGetProperty("platforms", out var platforms) && platforms.ValueKind == JsonValueKind.Array)
                subsets.AddRange(platforms.EnumerateArray().Select(p => $"platform:{p.GetString()}"));
            var tactic = MitreTactics.Of(technique);
            subsets.Add($"tactic:{tactic}");
            if (executor is "sh" or "bash") subsets.Add($"sh+bash tactic:{tactic}");
            var dot = technique.IndexOf('.');
            subsets.Add($"technique:{(dot < 0 ? technique : technique[..dot])} {e.Str("technique_name").Split(':')[0]}");
            return new EvalItem(e.Str("id"), subsets, true, "command", e.Str("text"));
        }),
        (v, _, _) => ContentSuites.Stops(v));

    private static EvalSuite Nl2Bash(string name, Func<Verdict, bool> flagged) => new(name, Area, ["nl2bash/items.jsonl"],
        dir => CorpusFiles.JsonLines(Path.Combine(dir, "nl2bash/items.jsonl"))
            .Select(e => new EvalItem(e.Str("id"), ["benign commands"], false, "command", e.Str("text"))),
        (v, _, _) => flagged(v));

    /// <summary>
    /// The fixtures give argv; they are joined into a line (arguments with spaces quoted, operators such as
    /// <c>|</c> kept). Right means: expected block is blocked, expected allow is not stopped.
    /// </summary>
    private static EvalSuite PufferFixtures() => new("puffer-bench command fixtures", Area,
        ["puffer-bench/fixtures/commands-dangerous.json", "puffer-bench/fixtures/commands-safe.json"],
        dir => new[] { "commands-dangerous", "commands-safe" }.SelectMany(file =>
            CorpusFiles.JsonArray(Path.Combine(dir, $"puffer-bench/fixtures/{file}.json")).Select((e, i) =>
            {
                var args = e.GetProperty("args").EnumerateArray().Select(a => Quote(a.GetString()!));
                var line = string.Join(' ', new[] { e.Str("command") }.Concat(args));
                var block = e.Str("expectedVerdict") == "block";
                return new EvalItem($"{file}-{i}", [file], block, "command", line);
            })),
        (v, item, _) => item.Attack ? v.WouldDecide == Decision.Block : ContentSuites.Stops(v));

    private static EvalSuite PufferAttacks() => new("puffer-bench command attacks", Area, ["puffer-bench/attacks.json"],
        dir => CorpusFiles.JsonArray(Path.Combine(dir, "puffer-bench/attacks.json")).Where(e => e.Str("layer") == "commands")
            .Select(e => new EvalItem(e.Str("id"), [e.Str("category")], true, "command", e.Str("text"))),
        (v, _, _) => ContentSuites.Stops(v));

    private static string Quote(string arg)
    {
        if (arg is "|" or "||" or "&&" or ";" or ">" or ">>" or "<") return arg;
        if (arg.Length > 1 && arg[0] is '\'' or '"' && arg[^1] == arg[0]) return arg;
        return arg.Any(c => char.IsWhiteSpace(c) || c is '|' or '&' or ';' or '(' or ')' or '<' or '>' or '!' or '$' or '`') ? "'" + arg.Replace("'", "'\\''") + "'" : arg;
    }
}
