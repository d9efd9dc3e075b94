using System.Text.RegularExpressions;

namespace Palisade.Core.Rules;

/// <summary>
/// Runs one rule over one text: regex, then the rule's allow patterns, validator and entropy floor,
/// then the policy's allowed values. The only place rule regexes are executed.
/// </summary>
public static class RuleMatcher
{
    /// <summary>Stop after this many accepted matches of one rule in one text: enough to decide, bounded work.</summary>
    public const int MaxMatchesPerRule = 32;

    /// <summary>
    /// Stop after this many regex matches of one rule in one text, accepted or not. Rejected candidates (placeholders,
    /// failed checksums) do not use up <see cref="MaxMatchesPerRule"/>, so decoys placed before a real secret cannot
    /// hide it; this larger bound keeps the work per text bounded all the same.
    /// </summary>
    public const int MaxCandidatesPerRule = 4096;

    /// <exception cref="RegexMatchTimeoutException">a backtracking rule ran out of time; callers fail closed.</exception>
    public static void Run(CompiledRule rule, string text, ISet<string> allowedValues, List<RuleMatch> into)
    {
        int accepted = 0, candidates = 0;
        for (var match = rule.RegexFor(text.Length).Match(text); match.Success; match = match.NextMatch())
        {
            if (++candidates > MaxCandidatesPerRule) break;
            var group = rule.ValueGroup(match);
            if (!group.Success || group.Length == 0) continue;
            var value = group.Value;
            if (!Accepts(rule, value, allowedValues)) continue;
            into.Add(new RuleMatch(rule, group.Index, group.Length, value));
            if (++accepted == MaxMatchesPerRule) break;
        }
    }

    public static bool Accepts(CompiledRule rule, string value, ISet<string> allowedValues)
    {
        if (allowedValues.Contains(value)) return false;
        if (rule.TestValues.Count > 0 && rule.TestValues.Contains(CompiledRule.StripSeparators(value))) return false;
        foreach (var allow in rule.AllowPatterns)
            if (allow.IsMatch(value)) return false;
        if (rule.Validator is not null && !rule.Validator.IsValid(value)) return false;
        if (rule.Definition.MinEntropy is { } floor && Entropy.Shannon(value) < floor) return false;
        return true;
    }
}
