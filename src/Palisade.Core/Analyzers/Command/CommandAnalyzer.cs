using Palisade.Core.Analyzers.Paths;
using Palisade.Core.Model;
using Palisade.Core.Rules;

namespace Palisade.Core.Analyzers.Commands;

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
        var field = context.FieldPath(action.Fields.FirstOrDefault(f => f.Text == action.CommandLine).Path ?? "command");
        var line = LookalikeLetters.Fold(action.CommandLine!, out var disguised);
        var walker = new CommandWalker(new InnerActions(action, context), _limits) { WorkingDirectory = action.WorkingDirectory };
        // The disguise is a finding of its own (cmd-lookalike-letters): the line is also judged as what it looks like.
        if (disguised) walker.Form.Add("evasion", "lookalike-letters", 0, line.Length);
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
        List<RuleMatch>? matches = null;
        // Several rules often match one line; its redacted excerpt (a keyed hash per long token) is made once.
        Dictionary<string, string>? evidence = null;
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (!hits.Contains(rule.Index) || FirstMatch(rule, text, ref matches) is not { } at) continue;
            var (start, length) = form.SourceOf(at);
            var def = rule.Definition;
            context.Report(def.FindingAt(ScannerName, new FindingLocation(field, "canonical", start, length),
                Evidence(form, at, context, evidence ??= new Dictionary<string, string>(StringComparer.Ordinal))));
        }
    }

    private static string Evidence(CanonicalForm form, int at, AnalysisContext context, Dictionary<string, string> cache)
    {
        var line = form.LineAt(at);
        if (!cache.TryGetValue(line, out var excerpt)) cache[line] = excerpt = Redacted(line, context);
        return excerpt;
    }

    /// <summary>
    /// The line with anything secret-shaped masked. A flow line's fact (<c>flow: credential-exfil …</c>) is the analyzer's
    /// own word, shown as it is: masked, the evidence would not say what was found.
    /// </summary>
    private static string Redacted(string line, AnalysisContext context)
    {
        const string flow = "flow: ";
        if (!line.StartsWith(flow, StringComparison.Ordinal)) return context.Redactor.Excerpt(line, 120);
        var space = line.IndexOf(' ', flow.Length);
        if (space < 0 || !CanonicalForm.IsFlowFact(line.AsSpan(flow.Length, space - flow.Length))) return context.Redactor.Excerpt(line, 120);
        return string.Concat(line.AsSpan(0, space + 1), context.Redactor.Excerpt(line.AsSpan(space + 1), 120 - space - 1));
    }

    /// <summary>
    /// Where the rule first matches, or null. Rules without a value group need no captures, so the cheaper
    /// match-position search is enough; rules with one (and allow patterns) go through <see cref="RuleMatcher"/>.
    /// </summary>
    private static int? FirstMatch(CompiledRule rule, string text, ref List<RuleMatch>? scratch)
    {
        if (rule.Definition.Group is null && rule.AllowPatterns.Count == 0 && rule.Validator is null)
        {
            foreach (var m in rule.Regex.EnumerateMatches(text)) return m.Index;
            return null;
        }
        scratch ??= [];
        scratch.Clear();
        RuleMatcher.Run(rule, text, NoAllowedValues, scratch);
        return scratch.Count == 0 ? null : scratch[0].Start;
    }

    /// <summary>
    /// Files and URLs become actions of their own, judged by the whole engine (the path and URL analyzers among it). A
    /// relative file starts in the working directory of the command, unless the line moved somewhere it does not name.
    /// </summary>
    private sealed class InnerActions(AgentAction outer, AnalysisContext context) : ICommandEffects
    {
        public bool File(string path, FileOperation operation, int start, int length) =>
            File(new FileEffect(path, operation), start, length);

        public bool File(FileEffect effect, int start, int length)
        {
            var findings = context.FindingsSoFar;
            var before = findings.Count;
            var directory = effect.Unanchored ? null : outer.WorkingDirectory;
            context.Inspect(Inner(ActionKind.FileAccess, path: effect.Path, operation: effect.Operation, directory: directory), "file");
            if (effect.Recursive && effect.Operation == FileOperation.Read)
                WholeDirectory.JudgeStoresInside(context, "file", effect.Path, directory, before, store => Inner(ActionKind.FileAccess, path: store, operation: FileOperation.Read));
            bool judged = false, credential = false;
            for (var i = before; i < findings.Count; i++)
            {
                if (findings[i].Scanner != "path") continue;
                judged = true;
                credential |= IsSecretCategory(findings[i].Category);
            }
            // Where the path analyzer says nothing, the short built-in list decides (for the flow checks only).
            return credential || (!judged && CredentialPaths.IsCredential(effect.Path));
        }

        /// <summary>Path categories whose files hold secrets (credentials, keys, password stores, wallets, browser data, .env, history).</summary>
        private static bool IsSecretCategory(string category) =>
            SecretCategoryWords.Any(w => category.Contains(w, StringComparison.OrdinalIgnoreCase));

        private static readonly string[] SecretCategoryWords = ["credential", "secret", "password", "wallet", "dotenv", "browser", "history", "key"];

        public void Program(ArgvCommand command, int start, int length)
        {
            if (command.Argv.Count > 0) context.ReportProgram(command.Argv[0], command.Program, start, length);
        }

        public void Unjudged(int start, int length) => context.ReportUnjudged(start, length);

        public void Url(string url, string method, int start, int length) =>
            context.Inspect(Inner(ActionKind.HttpRequest, url: url, method: method), "url");

        private AgentAction Inner(ActionKind kind, string? path = null, FileOperation? operation = null, string? url = null, string? method = null, string? directory = null) => new()
        {
            WorkingDirectory = directory,
            Kind = kind,
            Path = path,
            FileOperation = operation,
            Url = url,
            Method = method,
            FoundIn = ActionKind.Command,
            Direction = outer.Direction,
            Source = outer.Source,
            Transport = outer.Transport,
            SessionId = outer.SessionId,
            AgentId = outer.AgentId,
        };
    }
}
