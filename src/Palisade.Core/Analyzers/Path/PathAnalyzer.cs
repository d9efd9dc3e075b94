using Palisade.Core.Model;
using Palisade.Core.Rules;

namespace Palisade.Core.Analyzers.Paths;

/// <summary>
/// Judges a file access by what the path is: it resolves the path (<see cref="PathResolver"/>) and runs the
/// <c>path</c> rules whose <c>operations</c> include this access over each reading of it. The rules are data
/// (<c>rules/path/*.yaml</c>); their categories are a contract that the command analyzer and tool adapters read
/// (a category containing <c>credential</c> marks a credential store).
/// </summary>
/// <remarks>
/// The namespace is <c>Paths</c>, not the folder's <c>Path</c>: a namespace named <c>Path</c> under
/// <c>Palisade.Core.Analyzers</c> would hide <see cref="System.IO.Path"/> from every sibling analyzer.
/// </remarks>
public sealed class PathAnalyzer : IActionAnalyzer
{
    public const string AnalyzerName = "path";

    private static readonly HashSet<string> NoAllowedValues = [];

    /// <summary>Built from the engine's rule set on first use; an engine's rule set never changes, so this is built once.</summary>
    private PathRuleIndex? _index;

    public string Name => AnalyzerName;

    public bool AppliesTo(AgentAction action) => action.Kind == ActionKind.FileAccess && !string.IsNullOrEmpty(action.Path);

    public void Analyze(AgentAction action, AnalysisContext context)
    {
        var index = _index;
        if (index is null || !ReferenceEquals(index.Rules, context.Rules)) _index = index = new PathRuleIndex(context.Rules);
        var op = action.FileOperation ?? FileOperation.Read;
        var rules = index.For(op);
        if (rules.Count == 0) return;
        var resolved = PathResolver.Resolve(action.Path!, action.WorkingDirectory);
        HashSet<string>? reported = null;
        foreach (var (view, text) in resolved.Views())
        {
            // Rules are written in lower case and matched case-blind: macOS and Windows file systems are, so case is no disguise.
            var key = text.ToLowerInvariant();
            if (!index.MayMatch(op, key)) continue;
            var hits = context.Rules.Prefilter.Scan(key);
            foreach (var rule in rules)
            {
                if (!hits.Contains(rule.Index) || reported?.Contains(rule.Id) == true || !Matches(rule, key)) continue;
                (reported ??= new HashSet<string>(StringComparer.Ordinal)).Add(rule.Id);
                context.Report(Finding(rule.Definition, op, view, resolved, action.Path!.Length, context));
            }
        }
    }

    /// <summary>One match decides for a path; a rule's <c>allow</c> patterns (e.g. <c>.env.example</c>) can overrule it.</summary>
    private static bool Matches(CompiledRule rule, string text)
    {
        if (rule.AllowPatterns.Count == 0) return rule.Regex.IsMatch(text);
        var m = rule.Regex.Match(text);
        return m.Success && RuleMatcher.Accepts(rule, rule.ValueGroup(m).Value, NoAllowedValues);
    }

    private static Finding Finding(RuleDefinition def, FileOperation op, string view, ResolvedPath path, int length, AnalysisContext context) =>
        def.FindingAt(AnalyzerName, new FindingLocation(context.FieldPath("path"), view, 0, length), context.Redactor.Excerpt(path.Canonical, 160))
            with { Description = $"{Verb(op)} {def.Description}" };

    private static string Verb(FileOperation op) => op switch
    {
        FileOperation.Write => "writing",
        FileOperation.Delete => "deleting",
        FileOperation.Execute => "executing",
        _ => "reading",
    };
}
