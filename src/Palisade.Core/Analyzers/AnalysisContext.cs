using Palisade.Core.Model;
using Palisade.Core.Policy.Paranoid;
using Palisade.Core.Redaction;
using Palisade.Core.Rules;

namespace Palisade.Core.Analyzers;

/// <summary>
/// What an analyzer can use and where it reports. <see cref="Inspect"/> runs the whole pipeline on an action found
/// inside this one (the command inside a tool call, the file a command reads), bounded in depth.
/// </summary>
public sealed class AnalysisContext
{
    /// <summary>Deeper than this, nesting (bash -c inside eval inside a tool call…) stops being analysed and blocks.</summary>
    public const int MaxDepth = 6;

    private readonly Action<AgentAction, string, int> _inspect;
    private readonly List<Finding> _findings;

    private readonly AnalysisServices _services;

    internal AnalysisContext(RuleSet rules, EvidenceRedactor redactor, List<Finding> findings, string fieldPrefix, int depth, Action<AgentAction, string, int> inspect)
        : this(new AnalysisServices(rules, redactor, null), findings, fieldPrefix, depth, inspect)
    {
    }

    internal AnalysisContext(AnalysisServices services, List<Finding> findings, string fieldPrefix, int depth, Action<AgentAction, string, int> inspect)
    {
        _services = services;
        _findings = findings;
        FieldPrefix = fieldPrefix;
        Depth = depth;
        _inspect = inspect;
    }

    public RuleSet Rules => _services.Rules;
    public EvidenceRedactor Redactor => _services.Redactor;

    /// <summary>Prefix for field paths of findings made here, e.g. <c>arguments.command</c> inside a tool call.</summary>
    public string FieldPrefix { get; }
    public int Depth { get; }

    public IReadOnlyList<Finding> FindingsSoFar => _findings;

    /// <summary>
    /// Where a finding sits. At the top level an analyzer names its own field (<c>path</c>, <c>url</c>); inside another
    /// action the prefix already says which argument it came from (<c>arguments.file_path</c>), so it is used as is.
    /// </summary>
    public string FieldPath(string field) => FieldPrefix.Length == 0 ? field : FieldPrefix;

    public void Report(Finding finding) => _findings.Add(finding);

    /// <summary>
    /// A program a command line runs (<paramref name="argv0"/> as written, <paramref name="program"/> as the command
    /// analyzer names it). Only paranoid mode looks at it, against <c>paranoid.allow_commands</c>; otherwise it costs nothing.
    /// </summary>
    public void ReportProgram(string argv0, string program, int start, int length) =>
        _services.Paranoid?.CheckProgram(argv0, program, FieldPath("command"), _findings, start, length);

    /// <summary>A file or URL of a command that was past the analyzer's budget and not judged: paranoid cannot say it is listed.</summary>
    public void ReportUnjudged(int start, int length) => _services.Paranoid?.HoldUnjudged(FieldPath("command"), _findings, start, length);

    /// <summary>Runs content scanners and analyzers on <paramref name="inner"/>, reporting under <paramref name="field"/>.</summary>
    public void Inspect(AgentAction inner, string field) =>
        _inspect(inner, FieldPrefix.Length == 0 ? field : field.Length == 0 ? FieldPrefix : $"{FieldPrefix}.{field}", Depth + 1);

    /// <summary>
    /// <see cref="Inspect"/> with each finding it adds passed through <paramref name="rewrite"/> (null drops it): for an
    /// action that stands for another (a credential file standing for the directory a command archives), so the finding
    /// says what was done.
    /// </summary>
    public void InspectRewritten(AgentAction inner, string field, Func<Finding, Finding?> rewrite)
    {
        var before = _findings.Count;
        Inspect(inner, field);
        var added = _findings.GetRange(before, _findings.Count - before);
        _findings.RemoveRange(before, added.Count);
        foreach (var f in added)
            if (rewrite(f) is { } kept) _findings.Add(kept);
    }

    /// <summary>
    /// <see cref="Inspect"/> for another view of content already scanned (a URL's decoded components): a finding under a
    /// rule that has already reported in this evaluation is dropped, so one value seen twice is reported once.
    /// </summary>
    public void InspectView(AgentAction inner, string field)
    {
        var before = _findings.Count;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < before; i++) seen.Add(_findings[i].RuleId);
        Inspect(inner, field);
        var added = _findings.GetRange(before, _findings.Count - before);
        _findings.RemoveRange(before, added.Count);
        foreach (var f in added)
            if (seen.Add(f.RuleId)) _findings.Add(f);
    }
}

/// <summary>
/// What every analysis context of one engine shares, made once per engine: one reference per context instead of one
/// per service, so a context (one per inspected action) costs no more for carrying paranoid mode's lists.
/// </summary>
internal sealed class AnalysisServices(RuleSet rules, EvidenceRedactor redactor, ParanoidGate? paranoid)
{
    public RuleSet Rules { get; } = rules;
    public EvidenceRedactor Redactor { get; } = redactor;

    /// <summary>Null unless the mode is paranoid.</summary>
    public ParanoidGate? Paranoid { get; } = paranoid;
}
