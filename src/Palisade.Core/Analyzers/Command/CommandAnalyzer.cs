using Palisade.Core.Model;
using Palisade.Core.Rules;

namespace Palisade.Core.Analyzers.Command;

/// <summary>
/// The <c>command</c> analyzer: parses a shell line (sh/bash, PowerShell or cmd.exe), undoes obfuscation, follows
/// nested commands and decoded payloads, hands the files and URLs it touches to the path and URL analyzers, and
/// matches the <c>command</c> rules against the structure it found (<see cref="CanonicalForm"/>), not the raw text.
/// </summary>
public sealed class CommandAnalyzer(CommandLimits? limits = null) : IActionAnalyzer
{
    public const string ScannerName = "command";

    private static readonly HashSet<string> NoAllowedValues = [];
    private readonly CommandLimits _limits = limits ?? CommandLimits.Default;

    public string Name => ScannerName;

    public bool AppliesTo(AgentAction action) => action.Kind == ActionKind.Command && !string.IsNullOrEmpty(action.CommandLine);

    public void Analyze(AgentAction action, AnalysisContext context)
    {
        var line = action.CommandLine!;
        var field = context.FieldPath(action.Fields.FirstOrDefault(f => f.Text == line).Path ?? "command");
        var effects = new InnerActions(action, context);
        var walker = new CommandWalker(effects, _limits);
        effects.Walker = walker;
        try
        {
            walker.Walk(line);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException))
        {
            // A line the analyzer could not finish is never allowed as if it had been read.
            walker.Note("analysis failed", 0, line.Length);
        }
        if (walker.Form.Truncated) walker.Note("too long", 0, line.Length);
        Match(walker.Form, field, context);
    }

    /// <summary>Runs every enabled command rule the prefilter lets through over the canonical form; one finding per rule.</summary>
    private static void Match(CanonicalForm form, string field, AnalysisContext context)
    {
        var rules = context.Rules.ForScanner(ScannerName);
        if (rules.Count == 0 || form.LineCount == 0) return;
        var text = form.Text;
        var hits = context.Rules.Prefilter.Scan(text);
        var matches = new List<RuleMatch>();
        foreach (var rule in rules)
        {
            if (!hits.Contains(rule.Index)) continue;
            matches.Clear();
            RuleMatcher.Run(rule, text, NoAllowedValues, matches);
            if (matches.Count == 0) continue;
            var m = matches[0];
            var (start, length) = form.SourceOf(m.Start);
            var def = rule.Definition;
            context.Report(new Finding
            {
                RuleId = def.Id,
                Scanner = ScannerName,
                Category = def.Category,
                Severity = def.Severity,
                Location = new FindingLocation(field, "canonical", start, length),
                Evidence = context.Redactor.Excerpt(form.LineAt(m.Start), 120),
                Description = def.Description,
                Tags = def.Tags,
            });
        }
    }

    /// <summary>Files and URLs become actions of their own, judged by the whole engine (the path and URL analyzers among it).</summary>
    private sealed class InnerActions(AgentAction outer, AnalysisContext context) : ICommandEffects
    {
        public CommandWalker? Walker { get; set; }

        public bool File(string path, FileOperation operation, int start, int length)
        {
            var before = context.FindingsSoFar.Count;
            context.Inspect(Inner(ActionKind.FileAccess) with { Path = path, FileOperation = operation }, "file");
            var found = context.FindingsSoFar.Skip(before).Where(f => f.Scanner == "path").ToList();
            var credential = found.Any(f => f.Category.Contains("credential", StringComparison.OrdinalIgnoreCase));
            if (found.Count == 0 && CredentialPaths.IsCredential(path))
            {
                credential = true;
                if (operation == FileOperation.Read) Walker?.Flow("credential-read " + ArgvNormalizer.Escape(path), start, length);
            }
            return credential;
        }

        public void Url(string url, string method, int start, int length) =>
            context.Inspect(Inner(ActionKind.HttpRequest) with { Url = url, Method = method }, "url");

        private AgentAction Inner(ActionKind kind) => new()
        {
            Kind = kind,
            Direction = outer.Direction,
            Source = outer.Source,
            Transport = outer.Transport,
            SessionId = outer.SessionId,
            AgentId = outer.AgentId,
        };
    }
}
