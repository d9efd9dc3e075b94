using System.Text.RegularExpressions;
using Palisade.Core.Model;
using Palisade.Core.Rules;

namespace Palisade.Core.Analyzers.Paths;

/// <summary>
/// The path rules of one rule set, grouped by the operation they apply to, each group with one combined regex that
/// says whether any of its rules could match. Most paths are project files: they cost one linear scan, not one per rule.
/// </summary>
internal sealed class PathRuleIndex
{
    private readonly CompiledRule[][] _byOperation;
    private readonly Regex?[] _any;
    private int _combined;

    public PathRuleIndex(RuleSet rules)
    {
        Rules = rules;
        var all = rules.ForScanner(PathAnalyzer.AnalyzerName);
        var operations = Enum.GetValues<FileOperation>();
        _byOperation = new CompiledRule[operations.Length][];
        _any = new Regex?[operations.Length];
        foreach (var op in operations)
        {
            var group = all.Where(r => r.Definition.Operations.Count == 0 || r.Definition.Operations.Contains(op)).ToArray();
            _byOperation[(int)op] = group;
        }
    }

    public RuleSet Rules { get; }

    public IReadOnlyList<CompiledRule> For(FileOperation op) => _byOperation[(int)op];

    /// <summary>False only when no rule for <paramref name="op"/> can match <paramref name="key"/>.</summary>
    public bool MayMatch(FileOperation op, string key)
    {
        if (Volatile.Read(ref _combined) == 0) TryCombine();
        return Volatile.Read(ref _any[(int)op])?.IsMatch(key) ?? _byOperation[(int)op].Length > 0;
    }

    /// <summary>
    /// The unions are built only once every path rule runs on the linear-time engine (a long-running host after its
    /// warm-up): building them costs more than a one-shot process would ever save.
    /// </summary>
    private void TryCombine()
    {
        if (_byOperation.Any(g => g.Any(r => !r.IsLinearTime))) return;
        if (Interlocked.Exchange(ref _combined, 1) != 0) return;
        for (var op = 0; op < _byOperation.Length; op++) Volatile.Write(ref _any[op], Combine(_byOperation[op]));
    }

    /// <summary>
    /// The union of the group's patterns. A rule's allow patterns, or a pattern the linear engine cannot take (a custom
    /// rule with a backreference), only make the union wider or absent: it is a filter in front of the rules, never a verdict.
    /// </summary>
    private static Regex? Combine(CompiledRule[] rules)
    {
        if (rules.Length == 0 || rules.Any(r => !r.IsLinearTime)) return null;
        var options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | (rules.Any(r => r.Definition.IgnoreCase) ? RegexOptions.IgnoreCase : 0);
        try
        {
            return new Regex(string.Join('|', rules.Select(r => $"(?:{r.Definition.Pattern})")), options);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
