using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Palisade.Core.Model;

namespace Palisade.Mcp.Inspection;

/// <summary>
/// What one call cannot show: the sequence. Per session it remembers whether the agent has touched a secret
/// (a sensitive path, an environment read, a credential in a result) and which files it wrote, and flags a later
/// call that sends data out after a secret was touched, or that executes a file written earlier.
/// Bounded: it keeps at most <see cref="MaxWrittenPaths"/> paths.
/// </summary>
public sealed partial class ChainTracker
{
    private const int MaxWrittenPaths = 256;
    private readonly object _gate = new();
    private readonly Queue<string> _written = new();
    private string? _secretSource;

    [GeneratedRegex(@"(?:^|_|-)(?:get_?|read_?|print_?|list_?|dump_?)?env(?:iron(?:ment)?)?(?:_?var(?:iable)?s?)?(?:$|_|-)|printenv", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnvTool();

    [GeneratedRegex(@"fetch|http|request|curl|wget|send|post|upload|webhook|email|mail|slack|message|notify|browse|navigate", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SendingTool();

    [GeneratedRegex(@"run|exec|command|shell|bash|terminal|script|spawn|process", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExecutingTool();

    [GeneratedRegex(@"write|create|save|edit|put|append|upload_file", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WritingTool();

    private static readonly string[] PathKeys = ["path", "file", "file_path", "filepath", "filename", "target", "destination"];

    /// <summary>Findings for this call given what came before; call before judging it.</summary>
    public List<Finding> Check(string tool, JsonNode? arguments)
    {
        var findings = new List<Finding>();
        var strings = JsonLeaves.Strings(arguments, "arguments");
        lock (_gate)
        {
            if (_secretSource is not null && Sends(tool, strings))
                findings.Add(McpFindings.Of(McpFindings.ChainSecretThenSend, "arguments",
                    $"'{tool}' sends data out after '{_secretSource}' touched a secret in this session", Severity.Critical));
            if (ExecutingTool().IsMatch(tool) && _written.FirstOrDefault(p => strings.Any(s => s.Text.Contains(p, StringComparison.Ordinal))) is { } path)
                findings.Add(McpFindings.Of(McpFindings.ChainWriteThenExecute, "arguments",
                    $"'{tool}' executes a file written earlier in this session", Severity.Critical));
        }
        return findings;
    }

    /// <summary>Remembers what an allowed call did; <paramref name="verdict"/> is its own verdict.</summary>
    public void Observe(string tool, JsonNode? arguments, Verdict verdict)
    {
        lock (_gate)
        {
            if (EnvTool().IsMatch(tool) || verdict.Findings.Any(f => f.Scanner is "path" or "secrets"))
                _secretSource ??= tool;
            if (!WritingTool().IsMatch(tool) || arguments is not JsonObject args) return;
            foreach (var key in PathKeys)
            {
                if (args[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 1 } p)
                {
                    if (_written.Count == MaxWrittenPaths) _written.Dequeue();
                    _written.Enqueue(p);
                }
            }
        }
    }

    /// <summary>A result that carried a credential taints the session like reading one.</summary>
    public void ObserveResult(string? tool, Verdict verdict)
    {
        if (verdict.Findings.Any(f => f.Scanner == "secrets"))
            lock (_gate) _secretSource ??= tool ?? "a tool result";
    }

    private static bool Sends(string tool, List<JsonLeaf> strings) =>
        SendingTool().IsMatch(tool) || strings.Any(s => Uri.TryCreate(s.Text.Trim(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https");
}
