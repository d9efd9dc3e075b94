using Palisade.Core.Analyzers.Egress;
using Palisade.Core.Analyzers.Paths;
using Palisade.Core.Model;
using Palisade.Core.Redaction;

namespace Palisade.Core.Policy.Paranoid;

/// <summary>
/// Paranoid mode's allow-lists, compiled once per engine: an action whose target (URL host, program, file path, tool
/// name) is on no list gets a <see cref="RuleId"/> finding, which the policy turns into a review. Set and segment-glob
/// lookups only, no regex; built only when the mode is paranoid, so enforce never pays for it.
/// </summary>
public sealed class ParanoidGate
{
    public const string RuleId = "paranoid-unlisted";
    public const string Category = "policy";

    private readonly HashSet<string> _commands;
    private readonly HashSet<string> _exactPaths;
    private readonly PathGlob[] _pathGlobs;
    private readonly HashSet<string> _exactTools;
    private readonly string[] _toolPrefixes;
    private readonly EgressConfig _egress;
    private readonly EvidenceRedactor _redactor;

    public ParanoidGate(PalisadeConfig config, EvidenceRedactor redactor)
    {
        var p = config.Paranoid;
        _egress = config.Egress;
        _redactor = redactor;
        _commands = new HashSet<string>(p.AllowCommands.Select(ParanoidNames.Command), StringComparer.Ordinal);
        var globs = p.AllowPaths.Select(g => new PathGlob(g)).ToList();
        _exactPaths = new HashSet<string>(globs.Where(g => g.IsLiteral).Select(g => g.Canonical), StringComparer.Ordinal);
        _pathGlobs = globs.Where(g => !g.IsLiteral).ToArray();
        _exactTools = new HashSet<string>(p.AllowTools.Where(t => !t.EndsWith('*')), StringComparer.Ordinal);
        _toolPrefixes = p.AllowTools.Where(t => t.EndsWith('*')).Select(t => t[..^1]).ToArray();
    }

    /// <summary>
    /// Checks the target of a tool call, file access or HTTP request; other kinds have none and pass untouched. A relative
    /// path starts in the action's working directory, which analyzers give the actions they find inside others.
    /// </summary>
    public void Check(AgentAction action, string field, List<Finding> findings)
    {
        switch (action.Kind)
        {
            case ActionKind.ToolCall when string.IsNullOrEmpty(action.ToolName):
                Hold(findings, field.Length == 0 ? "tool" : field, "", "a tool call without a tool name cannot be matched against paranoid.allow_tools");
                break;
            case ActionKind.ToolCall when !ToolAllowed(action.ToolName!):
                var name = TargetText.Show(_redactor, action.ToolName!);
                Hold(findings, field.Length == 0 ? "tool" : field, name, $"tool '{name}' is not on paranoid.allow_tools");
                break;
            case ActionKind.FileAccess when action.Path is { Length: > 0 } path:
                CheckPath(path, action.WorkingDirectory, field.Length == 0 ? "path" : field, findings);
                break;
            case ActionKind.HttpRequest when action.Url is { Length: > 0 } url:
                CheckUrl(url, field.Length == 0 ? "url" : field, findings);
                break;
        }
    }

    /// <summary>
    /// One program a command line runs. A program run by a path counts as its name only from a system directory
    /// (<c>/usr/bin/git</c> is <c>git</c>); <c>./git</c> or <c>/tmp/git</c> could be anything, so it is held whatever the list says.
    /// </summary>
    public void CheckProgram(string argv0, string program, string field, List<Finding> findings, int start = 0, int length = 0)
    {
        if (program.Length == 0) return;
        if (ParanoidNames.HasDirectory(argv0) && !ParanoidNames.InSystemDirectory(argv0))
        {
            var path = TargetText.Show(_redactor, argv0);
            Hold(findings, field, path, $"command '{path}' runs a program by a path outside the system directories; paranoid.allow_commands lists names of installed programs", start, length);
        }
        else if (!_commands.Contains(program))
        {
            var name = TargetText.Show(_redactor, program);
            Hold(findings, field, name, $"command '{name}' is not on paranoid.allow_commands", start, length);
        }
    }

    /// <summary>A command touched more files and URLs than the analyzer hands on: those could not be checked, so the line is held.</summary>
    public void HoldUnjudged(string field, List<Finding> findings, int start, int length) =>
        Hold(findings, field, "", "the command touches more files and URLs than are checked one by one; the rest cannot be matched against paranoid.allow_paths or egress.allow_hosts", start, length);

    private bool ToolAllowed(string tool)
    {
        if (_exactTools.Contains(tool)) return true;
        foreach (var prefix in _toolPrefixes)
            if (tool.StartsWith(prefix, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Every reading of the path (a climb, where it lands, the POSIX reading of a UNC path) must be listed.</summary>
    private void CheckPath(string path, string? workingDirectory, string field, List<Finding> findings)
    {
        var resolved = PathResolver.Resolve(path, workingDirectory);
        foreach (var (_, text) in resolved.Views())
        {
            if (PathAllowed(text)) continue;
            var shown = TargetText.Show(_redactor, text);
            Hold(findings, field, shown, $"path '{shown}' is not on paranoid.allow_paths");
            return;
        }
    }

    private bool PathAllowed(string canonical)
    {
        if (_exactPaths.Contains(canonical)) return true;
        foreach (var glob in _pathGlobs)
            if (glob.Matches(canonical)) return true;
        return false;
    }

    /// <summary>The host, and every other host a client could read in the same URL, must be on allow_hosts or trusted_hosts.</summary>
    private void CheckUrl(string url, string field, List<Finding> findings)
    {
        ParsedUrl parsed;
        try
        {
            parsed = UrlParser.Parse(url);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Hold(findings, field, "", "a URL that could not be parsed has no host to check against egress.allow_hosts");
            return;
        }
        if (!HostAllowed(parsed.Host, parsed.EffectivePort))
        {
            var host = TargetText.Show(_redactor, parsed.Host.Name);
            Hold(findings, field, host, $"host '{host}' is not on egress.allow_hosts or egress.trusted_hosts");
            return;
        }
        foreach (var other in parsed.AlternateHosts)
        {
            if (HostAllowed(other, parsed.EffectivePort)) continue;
            var host = TargetText.Show(_redactor, other.Name);
            Hold(findings, field, host, $"host '{host}' (another reading of the URL) is not on egress.allow_hosts or egress.trusted_hosts");
            return;
        }
    }

    private bool HostAllowed(UrlHost host, int? port)
    {
        if (host.Name.Length == 0) return false;
        foreach (var a in _egress.AllowHosts)
            if (a.Matches(host, null)) return true;
        foreach (var t in _egress.TrustedHosts)
            if (t.Matches(host, port)) return true;
        return false;
    }

    /// <summary>One finding per distinct target: a pipeline running grep twice asks once.</summary>
    private static void Hold(List<Finding> findings, string field, string target, string what, int start = 0, int length = 0)
    {
        var description = "paranoid mode: " + what;
        foreach (var f in findings)
            if (f.RuleId == RuleId && f.Description == description) return;
        findings.Add(new Finding
        {
            RuleId = RuleId,
            Scanner = Category,
            Category = Category,
            Severity = Severity.Low,
            Location = new FindingLocation(field, "raw", start, length),
            Evidence = target,
            Description = description,
            Action = Decision.Review,
        });
    }
}
